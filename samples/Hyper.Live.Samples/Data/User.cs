using System.ComponentModel.DataAnnotations;

namespace Hyper.Live.Samples.Data;

/// <summary>A user profile the profile editor edits: validated, with a version that makes concurrent saves conflict.</summary>
public sealed class User
{
    public int Id { get; set; }

    [Required(ErrorMessage = "A name is required."), StringLength(40, ErrorMessage = "A name has at most 40 characters.")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "An email is required."), EmailAddress(ErrorMessage = "That is not an email address.")]
    public string Email { get; set; } = "";

    [StringLength(200, ErrorMessage = "The bio has at most 200 characters.")]
    public string Bio { get; set; } = "";

    /// <summary>Advanced by each save; a save made from an older version is refused as a conflict.</summary>
    [ConcurrencyCheck]
    public int Version { get; set; }
}
