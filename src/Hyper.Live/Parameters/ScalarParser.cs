namespace Hyper.Live.Parameters;

/// <summary>Parses one trimmed, non-null text into <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The scalar type.</typeparam>
internal delegate bool ScalarParser<T>(string text, out T value);
