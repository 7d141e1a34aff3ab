using System.Security.Cryptography;

namespace CiPublisher.Emulators.Fenfa;

/// <summary>Fenfa's IDs: a prefix and 16 lowercase hex digits (8 random bytes), e.g. <c>rel_e7a41c0d93b25f16</c>.</summary>
internal static class FenfaIds
{
    public static string Product() => New("prd_");
    public static string Variant() => New("var_");
    public static string Release() => New("rel_");
    public static string Device() => New("dev_");

    private static string New(string prefix) =>
        prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
