namespace CiPublisher.Core.Targets.AltStore.Package;

/// <summary>The downloaded ADP is not a package that can be hosted as it is: the message says what is wrong with it.</summary>
public sealed class AdpPackageException(string message) : Exception(message);
