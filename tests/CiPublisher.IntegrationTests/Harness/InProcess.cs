namespace CiPublisher.IntegrationTests.Harness;

/// <summary>
/// The trait of test classes that never start the program: they drive Core, a target or the emulators in this
/// process. The second run of these tests, against the Native AOT binary (<c>scripts/aot-acceptance.sh</c>), leaves
/// them out, since it would only repeat them. A class without the trait runs in both, so forgetting it costs time, not
/// coverage; <see cref="InProcessTraitTests"/> keeps a class that starts the program from carrying it.
/// </summary>
public static class InProcess
{
    public const string Trait = "Runs";
    public const string Value = "InProcess";
}
