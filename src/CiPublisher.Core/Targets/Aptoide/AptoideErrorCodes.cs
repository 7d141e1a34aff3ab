namespace CiPublisher.Core.Targets.Aptoide;

/// <summary>The codes the upload flow branches on (seen in Aptoide's own uploader app).</summary>
internal static class AptoideErrorCodes
{
    /// <summary>The checksum is not known: send the same request again with the file.</summary>
    public const string SendTheFile = "APK-5";

    /// <summary>This APK is already in the store.</summary>
    public const string AlreadyInStore = "APK-103";
}
