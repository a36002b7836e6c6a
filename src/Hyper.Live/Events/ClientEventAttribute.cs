namespace Hyper.Live;

/// <summary>
/// Marks a view method as callable by events no template binds: a hook's <c>this.pushEvent("name", …)</c>,
/// or script that pushes events itself. Without it a public method runs only once a template
/// rendered in the same session binds it (<c>@click="name"</c>), so a crafted event cannot reach
/// methods the page never offered.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class ClientEventAttribute : Attribute;
