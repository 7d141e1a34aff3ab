namespace CiPublisher.Emulators.Fenfa;

/// <summary>A release row (one uploaded build) as the emulator stores it, with what only tests can see.</summary>
public sealed record FenfaRelease
{
    public required string Id { get; init; }
    public required string ProductId { get; init; }
    public required string VariantId { get; init; }
    public string Version { get; init; } = "";
    public long Build { get; init; }
    public string Channel { get; init; } = "";
    public string MinOs { get; init; } = "";
    public string Changelog { get; init; } = "";

    /// <summary>The matched extension with its dot, e.g. <c>.ipa</c> or <c>.tar.gz</c>.</summary>
    public required string FileExt { get; init; }

    /// <summary>The stored name: <c>app&lt;ext&gt;</c> for <c>/upload</c>, as the server names it.</summary>
    public required string FileName { get; init; }

    /// <summary>The file name the client sent in the multipart part (never on the wire again).</summary>
    public required string ClientFileName { get; init; }

    /// <summary>Where the emulator keeps the bytes.</summary>
    public required string StoredPath { get; init; }

    /// <summary>Lowercase hex SHA-256 of the stored bytes.</summary>
    public required string Sha256 { get; init; }

    public required long SizeBytes { get; init; }
    public long DownloadCount { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public long Sequence { get; init; }

    /// <summary>Which route stored it: <c>/upload</c>, <c>/smart-upload</c> or <c>seed</c>.</summary>
    public string Source { get; init; } = "/upload";
}
