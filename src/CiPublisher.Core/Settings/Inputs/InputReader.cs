using System.Globalization;

namespace CiPublisher.Core.Settings.Inputs;

/// <summary>Reads typed values from the input sources, collecting every error instead of stopping at the first.</summary>
public sealed class InputReader(IInputValues sources, string baseDirectory)
{
    private readonly List<InputError> _errors = [];

    public IReadOnlyList<InputError> Errors => _errors;

    public InputValue Raw(InputDeclaration input) => sources.Get(input);

    public string? Text(InputDeclaration input) => sources.Get(input).Text?.Trim();

    /// <summary>Records a problem once, however many bindings read the input.</summary>
    public void Fail(InputDeclaration input, string problem)
    {
        var error = new InputError(sources.Get(input).DisplayName, problem);
        if (!_errors.Contains(error)) _errors.Add(error);
    }

    public bool Bool(InputDeclaration input)
    {
        var value = sources.Get(input);
        if (value.Text is null) return false;
        if (ValueSyntax.ParseBool(value.Text) is { } parsed) return parsed;
        Fail(input, $"'{value.Text.Trim()}' is not a boolean; use true/false, yes/no or 1/0");
        return false;
    }

    public TimeSpan? Duration(InputDeclaration input, TimeSpan minimum, TimeSpan maximum)
    {
        var value = sources.Get(input);
        if (value.Text is null) return null;
        var parsed = ValueSyntax.ParseDuration(value.Text);
        if (parsed is null)
        {
            Fail(input, $"'{value.Text.Trim()}' is not a duration; use 90s, 15m, 1h or a number of seconds");
            return null;
        }
        if (parsed < minimum || parsed > maximum)
        {
            Fail(input, $"{value.Text.Trim()} is out of range; use {Describe(minimum)} to {Describe(maximum)}");
            return null;
        }
        return parsed;
    }

    public int? WholeNumber(InputDeclaration input, int minimum, int maximum)
    {
        var value = sources.Get(input);
        if (value.Text is null) return null;
        if (!int.TryParse(value.Text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            Fail(input, $"'{value.Text.Trim()}' is not a whole number; use {minimum} to {maximum}");
            return null;
        }
        if (parsed < minimum || parsed > maximum)
        {
            Fail(input, $"{parsed} is out of range; use {minimum} to {maximum}");
            return null;
        }
        return parsed;
    }

    /// <summary>
    /// An absolute http(s) URL; plain http only for a loopback host. A service's base URL (<paramref name="isBase"/>)
    /// gets a trailing slash so relative routes resolve under its path; a document's URL is kept as given.
    /// </summary>
    public Uri? Url(InputDeclaration input, bool isBase = true)
    {
        var value = sources.Get(input);
        if (value.Text is null) return null;
        var text = value.Text.Trim();
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(url.Host))
        {
            Fail(input, $"'{text}' is not an absolute URL; use https://host[/path]");
            return null;
        }
        if (url.Scheme == Uri.UriSchemeHttp && !ValueSyntax.IsLoopback(url))
        {
            Fail(input, $"'{text}' uses plain http to a remote host, which would send credentials unencrypted; use https (http is accepted only for localhost)");
            return null;
        }
        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            Fail(input, "must not carry credentials in the URL; give the token in its own input");
            return null;
        }
        return !isBase || url.AbsolutePath.EndsWith('/') ? url : new Uri(url + "/");
    }

    public IReadOnlyList<string> List(InputDeclaration input) =>
        sources.Get(input).Text is { } text ? ValueSyntax.ParseList(text) : [];

    public IReadOnlyList<string> Lines(InputDeclaration input) =>
        sources.Get(input).Text is { } text ? ValueSyntax.ParseLines(text) : [];

    /// <summary>A path to an existing file, resolved against the base directory.</summary>
    public string? ExistingFile(InputDeclaration input)
    {
        var text = Text(input);
        if (text is null) return null;
        var path = Path.GetFullPath(text, baseDirectory);
        if (Directory.Exists(path)) Fail(input, $"'{text}' is a directory; give a file");
        else if (!File.Exists(path)) Fail(input, $"file '{text}' does not exist (looked in {baseDirectory})");
        else return path;
        return null;
    }

    private static string Describe(TimeSpan span) =>
        span.TotalHours >= 1 && span.TotalHours % 1 == 0 ? $"{span.TotalHours:0}h"
        : span.TotalMinutes >= 1 && span.TotalMinutes % 1 == 0 ? $"{span.TotalMinutes:0}m"
        : $"{span.TotalSeconds:0}s";
}
