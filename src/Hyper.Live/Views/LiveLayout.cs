
namespace Hyper.Live;

/// <summary>The default page layout: a minimal HTML5 document.</summary>
public static class LiveLayout
{
    /// <summary>Renders a minimal HTML5 page around the view.</summary>
    public static Html Default(LiveLayoutContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            {{context.LiveTitle}}
            {{context.Head}}
            </head>
            <body>
            {{context.Body}}
            </body>
            </html>
            """;
    }
}
