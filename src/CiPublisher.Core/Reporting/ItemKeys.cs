namespace CiPublisher.Core.Reporting;

/// <summary>
/// The names of an item's links that other parts read (the Install table, the release section, a Classic AltStore
/// source, the step outputs); also the keys of the <c>result</c> output, so they never change.
/// </summary>
public static class ItemLinks
{
    /// <summary>A page to install from (Fenfa's release page, a store page).</summary>
    public const string Page = "page";

    /// <summary>The file itself, at a public http(s) URL.</summary>
    public const string Download = "download";

    /// <summary>An iOS install link (itms-services://), which Markdown renderers do not link.</summary>
    public const string Install = "install";

    /// <summary>A QR code image of the artifact named by <see cref="ItemFacts.QrCodeFor"/>.</summary>
    public const string QrCode = "qr";
}

/// <summary>The names of an item's facts that other parts read; also keys of the <c>result</c> output.</summary>
public static class ItemFacts
{
    public const string Version = "version";
    public const string Build = "build";
    public const string Sha256 = "sha256";
    public const string ReleaseId = "release-id";
    public const string QrCodeFor = "for";
}
