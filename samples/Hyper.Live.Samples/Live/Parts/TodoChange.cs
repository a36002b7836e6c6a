namespace Hyper.Live.Samples.Live.Parts;

/// <summary>What a <see cref="TodoRow"/> asks its list to do with its todo.</summary>
public abstract record TodoChange(int Id)
{
    /// <summary>Rename the todo.</summary>
    public sealed record Renamed(int Id, string Title) : TodoChange(Id);

    /// <summary>Mark it done or not done.</summary>
    public sealed record Toggled(int Id) : TodoChange(Id);

    /// <summary>Remove it.</summary>
    public sealed record Deleted(int Id) : TodoChange(Id);
}
