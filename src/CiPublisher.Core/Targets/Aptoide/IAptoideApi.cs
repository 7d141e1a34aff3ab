using CiPublisher.Core.Http;
using Refit;

namespace CiPublisher.Core.Targets.Aptoide;

/// <summary>
/// Aptoide web services v3. Answers are read raw: application failures arrive as HTTP 200 with
/// <c>status: FAIL</c>, token failures as HTTP errors with <c>error</c>/<c>error_description</c>.
/// </summary>
public interface IAptoideApi
{
    [Post("/3/oauth2Authentication")]
    Task<HttpResponseMessage> AuthenticateAsync(
        [Body] FormUrlEncodedContent form,
        [Property(RequestMarks.RetrySafeKey)] bool retrySafe,
        CancellationToken cancellationToken);

    [Post("/3/uploadAppToRepo")]
    Task<HttpResponseMessage> UploadAppToRepoAsync(
        [Body] HttpContent form,
        [Property(RequestMarks.RetrySafeKey)] bool retrySafe,
        [Property(RequestMarks.TransferKey)] bool transfer,
        CancellationToken cancellationToken);
}
