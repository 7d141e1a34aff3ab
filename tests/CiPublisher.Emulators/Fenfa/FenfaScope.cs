namespace CiPublisher.Emulators.Fenfa;

/// <summary>Which token a route needs (contract §1).</summary>
internal enum FenfaScope
{
    Public,

    /// <summary><c>/upload</c>, <c>/smart-upload</c>: an upload token or an admin token.</summary>
    Upload,

    /// <summary>Everything under <c>/admin</c>: an admin token only.</summary>
    Admin,
}
