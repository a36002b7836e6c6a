using System.ComponentModel.DataAnnotations;

namespace Hyper.Live.EntityFrameworkCore.Tests;

/// <summary>A row with validation and a concurrency token the saves advance.</summary>
public sealed class Profile
{
    public int Id { get; set; }

    [Required, StringLength(20, ErrorMessage = "The name is at most 20 characters.")]
    public string Name { get; set; } = "";

    [EmailAddress(ErrorMessage = "That is not an email address.")]
    public string Email { get; set; } = "";

    [ConcurrencyCheck]
    public int Version { get; set; }
}
