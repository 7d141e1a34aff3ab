using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CiPublisher.Emulators.Fenfa;
using CiPublisher.Emulators.Hosting;
using CiPublisher.IntegrationTests.Harness;
using Microsoft.Extensions.Time.Testing;

namespace CiPublisher.IntegrationTests.Emulators;

/// <summary>The Fenfa emulator honours shared/contracts/fenfa.md, checked with a plain HttpClient.</summary>
[Trait(InProcess.Trait, InProcess.Value)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes through IAsyncLifetime.")]
public sealed class FenfaEmulatorTests : IAsyncLifetime
{
    private const string Admin = "dev-admin-token";
    private const string Upload = "dev-upload-token";
    private static readonly byte[] Zip = [.. "PK\u0003\u0004 not really a zip, but the server only checks PK"u8];

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 2, 9, 12, 44, TimeSpan.Zero));
    private readonly FenfaEmulator _fenfa;
    private HttpClient _http = null!;

    public FenfaEmulatorTests() => _fenfa = new FenfaEmulator(_time);

    public async Task InitializeAsync()
    {
        await _fenfa.StartAsync();
        _http = new HttpClient { BaseAddress = _fenfa.BaseUrl };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fenfa.DisposeAsync();
    }

    // ---- Auth (§1) ----

    [Fact]
    public async Task Admin_route_without_token_is_401_missing_token()
    {
        var response = await SendAsync(HttpMethod.Get, "admin/api/products", token: null);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await ErrorOf(response)).Should().Be(("UNAUTHORIZED", "missing token"));
    }

    [Fact]
    public async Task Empty_token_is_401_and_upload_token_on_admin_route_is_403()
    {
        var empty = await SendAsync(HttpMethod.Get, "admin/api/products", token: "");
        var upload = await SendAsync(HttpMethod.Get, "admin/api/products", token: Upload);
        var wrongCase = await SendAsync(HttpMethod.Get, "admin/api/products", token: Admin.ToUpperInvariant());

        empty.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        upload.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await ErrorOf(upload)).Should().Be(("FORBIDDEN", "invalid token"));
        wrongCase.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Upload_scope_accepts_upload_and_admin_tokens_but_not_others()
    {
        var variant = SeedAndroid();

        var withUpload = await UploadAsync(variant.Id, "app.apk", Zip, token: Upload);
        var withAdmin = await UploadAsync(variant.Id, "app.apk", Zip, token: Admin);
        var withOther = await UploadAsync(variant.Id, "app.apk", Zip, token: "nope");

        withUpload.StatusCode.Should().Be(HttpStatusCode.Created);
        withAdmin.StatusCode.Should().Be(HttpStatusCode.Created);
        withOther.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        _fenfa.Releases.Should().HaveCount(2);
    }

    [Fact]
    public async Task Configured_tokens_replace_the_defaults()
    {
        await using var fenfa = new FenfaEmulator { UploadToken = "up-1", AdminToken = "adm-1" };
        await fenfa.StartAsync();
        using var http = new HttpClient { BaseAddress = fenfa.BaseUrl };

        var defaults = await http.SendAsync(Request(HttpMethod.Get, "admin/api/products", Admin));
        var configured = await http.SendAsync(Request(HttpMethod.Get, "admin/api/products", "adm-1"));

        defaults.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        configured.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    // ---- Routing like Gin ----

    [Theory]
    [InlineData("POST", "admin/api/smart-upload")]
    [InlineData("GET", "upload")]
    [InlineData("PATCH", "admin/api/products")]
    [InlineData("GET", "admin/api/variants/var_0000000000000000/releases")]
    [InlineData("GET", "Healthz")]
    public async Task Unknown_routes_and_wrong_methods_are_gins_plain_text_404(string method, string path)
    {
        var response = await SendAsync(new HttpMethod(method), path, Admin);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        (await response.Content.ReadAsStringAsync()).Should().Be("404 page not found");
    }

    [Fact]
    public async Task A_trailing_slash_is_redirected_as_gin_does()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _fenfa.BaseUrl };

        var response = await http.GetAsync(new Uri("healthz/?x=1", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.MovedPermanently);
        response.Headers.Location!.OriginalString.Should().Be("/healthz?x=1");
    }

    [Fact]
    public async Task Healthz_answers_status_ok()
    {
        var response = await _http.GetAsync(new Uri("healthz", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"ok":true,"data":{"status":"ok"}}""");
    }

    // ---- Products and variants (§3) ----

    [Fact]
    public async Task Creating_a_product_with_a_taken_slug_silently_yields_slug_2_then_slug_3()
    {
        var first = await CreateProductAsync(new { name = "Lumen" });
        var second = await CreateProductAsync(new { name = "Lumen", slug = "lumen" });
        var third = await CreateProductAsync(new { name = "Other", slug = "LUMEN" });

        first.GetProperty("slug").GetString().Should().Be("lumen");
        second.GetProperty("slug").GetString().Should().Be("lumen-2");
        third.GetProperty("slug").GetString().Should().Be("lumen-3");
        _fenfa.Products.Should().HaveCount(3);
    }

    [Fact]
    public async Task Create_product_normalizes_the_slug_and_answers_201_with_the_product()
    {
        var response = await SendAsync(HttpMethod.Post, "admin/api/products", Admin, new { name = "My App_v2!", description = "d" });
        var product = (await DataOf(response)).GetProperty("product");

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        Names(product).Should().Equal("id", "slug", "name", "description", "published", "created_at", "updated_at");
        product.GetProperty("slug").GetString().Should().Be("my-app-v2");
        product.GetProperty("id").GetString().Should().MatchRegex("^prd_[0-9a-f]{16}$");
        product.GetProperty("published").GetBoolean().Should().BeTrue();
        product.GetProperty("created_at").GetString().Should().Be("2026-05-02T09:12:44Z");
    }

    [Fact]
    public async Task Create_product_without_name_is_400_invalid_product_payload()
    {
        var missing = await SendAsync(HttpMethod.Post, "admin/api/products", Admin, new { slug = "x" });
        var broken = await SendAsync(HttpMethod.Post, "admin/api/products", Admin, new StringContent("{", Encoding.UTF8, "application/json"));

        missing.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ErrorOf(missing)).Should().Be(("BAD_REQUEST", "invalid product payload"));
        (await ErrorOf(broken)).Should().Be(("BAD_REQUEST", "invalid product payload"));
    }

    [Fact]
    public async Task Product_list_filters_by_substring_newest_first_and_counts_variants()
    {
        var old = _fenfa.SeedProduct("Lumen Pro");
        _fenfa.SeedVariant(old.Id, "ios");
        _fenfa.SeedVariant(old.Id, "android");
        var newer = _fenfa.SeedProduct("Lumen");
        _fenfa.SeedProduct("Unrelated", slug: "other");

        var data = await DataOf(await SendAsync(HttpMethod.Get, "admin/api/products?q=LUMEN", Admin));
        var paged = await DataOf(await SendAsync(HttpMethod.Get, "admin/api/products?limit=1&offset=1", Admin));
        var badLimit = await DataOf(await SendAsync(HttpMethod.Get, "admin/api/products?limit=5000", Admin));

        data.GetProperty("total").GetInt32().Should().Be(2);
        var items = data.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("id").GetString()).Should().Equal(newer.Id, old.Id);
        items[1].GetProperty("variant_count").GetInt32().Should().Be(2);
        Names(items[0]).Should().Equal("id", "slug", "name", "published", "variant_count", "created_at", "updated_at");
        paged.GetProperty("total").GetInt32().Should().Be(3);
        paged.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetString().Should().Be(newer.Id);
        badLimit.GetProperty("items").GetArrayLength().Should().Be(3, "a limit outside 1-1000 is ignored");
    }

    [Fact]
    public async Task Product_update_publishes_and_refuses_a_taken_slug()
    {
        var product = _fenfa.SeedProduct("Lumen");
        _fenfa.SeedProduct("Other");

        var unpublish = await SendAsync(HttpMethod.Put, $"admin/api/products/{product.Id}", Admin, new { published = false, description = "" });
        var taken = await SendAsync(HttpMethod.Put, $"admin/api/products/{product.Id}", Admin, new { slug = "other" });
        var invalid = await SendAsync(HttpMethod.Put, $"admin/api/products/{product.Id}", Admin, new { slug = "!!!" });
        var missing = await SendAsync(HttpMethod.Put, "admin/api/products/prd_0000000000000000", Admin, new { name = "x" });

        unpublish.StatusCode.Should().Be(HttpStatusCode.OK);
        (await DataOf(unpublish)).GetProperty("product").GetProperty("published").GetBoolean().Should().BeFalse();
        (await ErrorOf(taken)).Should().Be(("BAD_REQUEST", "slug already exists"));
        (await ErrorOf(invalid)).Should().Be(("BAD_REQUEST", "invalid slug"));
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        _fenfa.Products.Single(p => p.Id == product.Id).Should().Match<FenfaProduct>(p => !p.Published && p.Slug == "lumen");
    }

    [Fact]
    public async Task Variants_have_no_uniqueness_and_need_a_platform_and_a_product()
    {
        var product = _fenfa.SeedProduct("Lumen");
        var body = new { platform = "ios", identifier = "com.example.lumen" };

        var first = await SendAsync(HttpMethod.Post, $"admin/api/products/{product.Id}/variants", Admin, body);
        var second = await SendAsync(HttpMethod.Post, $"admin/api/products/{product.Id}/variants", Admin, body);
        var noPlatform = await SendAsync(HttpMethod.Post, $"admin/api/products/{product.Id}/variants", Admin, new { identifier = "x" });
        var noProduct = await SendAsync(HttpMethod.Post, "admin/api/products/prd_0000000000000000/variants", Admin, body);

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        second.StatusCode.Should().Be(HttpStatusCode.Created);
        var variant = (await DataOf(first)).GetProperty("variant");
        Names(variant).Should().Equal("id", "product_id", "platform", "identifier", "legacy_app_id", "display_name", "arch",
            "installer_type", "min_os", "published", "sort_order");
        variant.GetProperty("display_name").GetString().Should().Be("Lumen");
        variant.GetProperty("legacy_app_id").ValueKind.Should().Be(JsonValueKind.Null);
        (await ErrorOf(noPlatform)).Should().Be(("BAD_REQUEST", "invalid variant payload"));
        noProduct.StatusCode.Should().Be(HttpStatusCode.NotFound);
        _fenfa.Variants.Should().HaveCount(2).And.OnlyContain(v => v.Identifier == "com.example.lumen");
    }

    [Fact]
    public async Task Deleting_a_product_cascades_to_variants_releases_and_files()
    {
        var variant = SeedAndroid();
        var release = _fenfa.SeedRelease(variant.Id, "1.0", 1);

        var response = await SendAsync(HttpMethod.Delete, $"admin/api/products/{variant.ProductId}", Admin);
        var again = await SendAsync(HttpMethod.Delete, $"admin/api/products/{variant.ProductId}", Admin);

        (await response.Content.ReadAsStringAsync()).Should().Be("""{"ok":true}""");
        again.StatusCode.Should().Be(HttpStatusCode.NotFound);
        _fenfa.Variants.Should().BeEmpty();
        _fenfa.Releases.Should().BeEmpty();
        File.Exists(release.StoredPath).Should().BeFalse();
    }

    // ---- Upload (§2.1) ----

    [Fact]
    public async Task Upload_checks_run_in_the_contract_order_with_its_messages()
    {
        var android = SeedAndroid();

        var cases = new (Func<Task<HttpResponseMessage>> Send, string Message)[]
        {
            (() => UploadAsync("  ", "x.txt", Zip), "missing variant_id"),
            (() => UploadAsync(null, null, null), "missing variant_id"),
            (() => UploadAsync("var_0000000000000000", null, null), "missing app_file"),
            (() => UploadAsync("var_0000000000000000", "app.apk", Zip), "variant not found"),
            (() => UploadAsync(android.Id, "app.aab", Zip), "file extension mismatch"),
            (() => UploadAsync(android.Id, "app.ipa", Zip), "file extension mismatch"),
        };
        foreach (var (send, message) in cases)
        {
            var response = await send();
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, message);
            (await ErrorOf(response)).Should().Be(("BAD_REQUEST", message));
        }
        _fenfa.Releases.Should().BeEmpty();
        Directory.EnumerateFiles(_fenfa.StorageDirectory, "*", SearchOption.AllDirectories).Should().BeEmpty("rejected uploads leave no temp files");
    }

    [Fact]
    public async Task An_empty_form_with_a_good_token_is_missing_variant_id_and_with_a_bad_one_401()
    {
        var good = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "upload")
        {
            Headers = { { "X-Auth-Token", Upload } },
            Content = new MultipartFormDataContent(),
        });
        var bad = await _http.PostAsync(new Uri("upload", UriKind.Relative), new MultipartFormDataContent());

        (await ErrorOf(good)).Should().Be(("BAD_REQUEST", "missing variant_id"));
        bad.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("android", "app.apk")]
    [InlineData("ios", "App.IPA")]
    [InlineData("macos", "app.zip")]
    public async Task A_zip_family_file_that_does_not_start_with_PK_is_BAD_FILE_invalid_archive(string platform, string fileName)
    {
        var product = _fenfa.SeedProduct("Lumen");
        var variant = _fenfa.SeedVariant(product.Id, platform);

        var response = await UploadAsync(variant.Id, fileName, "MZ not a zip"u8.ToArray());

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ErrorOf(response)).Should().Be(("BAD_FILE", "invalid archive"));
        _fenfa.Releases.Should().BeEmpty();
    }

    [Theory]
    [InlineData("linux", "tool-1.0-x86_64.tar.gz", ".tar.gz")]
    [InlineData("linux", "Tool.AppImage", ".appimage")]
    [InlineData("windows", "setup.msi", ".msi")]
    [InlineData("iOS", "app.ipa", ".ipa")]
    public async Task Extensions_are_matched_case_insensitively_with_multi_part_suffixes_first(string platform, string fileName, string ext)
    {
        var product = _fenfa.SeedProduct("Lumen");
        var variant = _fenfa.SeedVariant(product.Id, platform);

        var response = await UploadAsync(variant.Id, fileName, Zip);

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var release = _fenfa.Releases.Single();
        release.FileExt.Should().Be(ext);
        release.FileName.Should().Be("app" + ext);
        release.ClientFileName.Should().Be(fileName);
    }

    [Fact]
    public async Task Upload_answers_201_with_app_release_and_urls_shaped_as_the_contract()
    {
        var product = _fenfa.SeedProduct("Lumen");
        var variant = _fenfa.SeedVariant(product.Id, "android", identifier: "org.example.lumen", minOs: "Android 24");

        var response = await UploadAsync(variant.Id, "lumen-release.apk", Zip,
            fields: new() { ["version"] = "2.4.1", ["build"] = "418", ["channel"] = "beta", ["changelog"] = "Fixes" });

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var data = await DataOf(response);
        Names(data).Should().Equal("app", "release", "urls");
        var app = data.GetProperty("app");
        Names(app).Should().Equal("id", "name", "platform", "bundle_id", "product_id", "variant_id");
        app.GetProperty("id").GetString().Should().BeEmpty();
        app.GetProperty("name").GetString().Should().Be("Lumen");
        app.GetProperty("bundle_id").GetString().Should().Be("org.example.lumen");
        app.GetProperty("variant_id").GetString().Should().Be(variant.Id);
        var release = data.GetProperty("release");
        Names(release).Should().Equal("id", "version", "build", "created_at");
        var id = release.GetProperty("id").GetString()!;
        id.Should().MatchRegex("^rel_[0-9a-f]{16}$");
        release.GetProperty("build").GetInt64().Should().Be(418);
        var host = $"http://{_fenfa.BaseUrl.Authority}";
        var urls = data.GetProperty("urls");
        Names(urls).Should().Equal("page", "release_page", "download", "ios_manifest", "ios_install");
        urls.GetProperty("page").GetString().Should().Be($"{host}/products/lumen");
        urls.GetProperty("release_page").GetString().Should().Be($"{host}/products/lumen?r={id}&variant={variant.Id}");
        urls.GetProperty("download").GetString().Should().Be($"{host}/d/{id}");
        urls.GetProperty("ios_manifest").GetString().Should().Be($"{host}/ios/{id}/manifest.plist");
        urls.GetProperty("ios_install").GetString().Should().Be(
            "itms-services://?action=download-manifest&url=" + Uri.EscapeDataString($"{host}/ios/{id}/manifest.plist"));

        var stored = _fenfa.Releases.Single();
        stored.Should().Match<FenfaRelease>(r => r.Id == id && r.Version == "2.4.1" && r.Channel == "beta"
                                                 && r.Changelog == "Fixes" && r.MinOs == "Android 24" && r.SizeBytes == Zip.Length);
    }

    [Fact]
    public async Task Urls_use_a_public_primary_domain_and_the_first_secondary_domain_for_downloads()
    {
        _fenfa.PrimaryDomain = "http://dist.example.org";
        _fenfa.SecondaryDomains = ["https://dl.example.org/"];
        var variant = SeedAndroid();

        var request = UploadRequest(variant.Id, "a.apk", Zip, Upload, []);
        request.Headers.Add("X-Forwarded-Proto", "https");
        var urls = (await DataOf(await _http.SendAsync(request))).GetProperty("urls");

        urls.GetProperty("page").GetString().Should().Be("https://dist.example.org/products/lumen");
        urls.GetProperty("download").GetString().Should().StartWith("https://dl.example.org/d/rel_");
    }

    [Fact]
    public async Task Unparsable_build_is_stored_as_zero_and_min_os_defaults_to_the_variants()
    {
        var product = _fenfa.SeedProduct("Lumen");
        var variant = _fenfa.SeedVariant(product.Id, "ios", minOs: "iOS 16.0");

        var dotted = await UploadAsync(variant.Id, "a.ipa", Zip, fields: new() { ["version"] = "1.2.3", ["build"] = "1.2.3" });
        var explicitMinOs = await UploadAsync(variant.Id, "a.ipa", Zip, fields: new() { ["build"] = "7", ["min_os"] = "iOS 17.0" });

        (await DataOf(dotted)).GetProperty("release").GetProperty("build").GetInt64().Should().Be(0);
        explicitMinOs.StatusCode.Should().Be(HttpStatusCode.Created);
        _fenfa.Releases.Select(r => (r.Build, r.MinOs)).Should().Equal((0L, "iOS 16.0"), (7L, "iOS 17.0"));
    }

    [Fact]
    public async Task The_same_version_uploaded_twice_makes_two_releases_newest_first_even_on_a_frozen_clock()
    {
        var variant = SeedAndroid();
        var fields = new Dictionary<string, string> { ["version"] = "1.0.0", ["build"] = "5" };

        var first = await DataOf(await UploadAsync(variant.Id, "a.apk", Zip, fields: fields));
        var second = await DataOf(await UploadAsync(variant.Id, "a.apk", Zip, fields: fields));

        var firstId = first.GetProperty("release").GetProperty("id").GetString();
        var secondId = second.GetProperty("release").GetProperty("id").GetString();
        firstId.Should().NotBe(secondId);
        _fenfa.ReleasesOf(variant.Id).Select(r => r.Id).Should().Equal(secondId, firstId);
        string.CompareOrdinal(second.GetProperty("release").GetProperty("created_at").GetString(),
            first.GetProperty("release").GetProperty("created_at").GetString()).Should().BePositive();
    }

    [Fact]
    public async Task Stored_bytes_hash_to_the_sent_files_sha256_and_download_serves_them()
    {
        var variant = SeedAndroid();
        var content = new byte[3 * 1024 * 1024 + 17];
        new Random(42).NextBytes(content);
        content[0] = (byte)'P';
        content[1] = (byte)'K';

        await UploadAsync(variant.Id, "big.apk", content);

        var release = _fenfa.Releases.Single();
        var expected = Convert.ToHexStringLower(SHA256.HashData(content));
        release.Sha256.Should().Be(expected);
        release.SizeBytes.Should().Be(content.Length);
        Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(release.StoredPath))).Should().Be(expected);
        var downloaded = await _http.GetByteArrayAsync(new Uri($"d/{release.Id}", UriKind.Relative));
        downloaded.Should().Equal(content);
        _fenfa.Releases.Single().DownloadCount.Should().Be(1);
    }

    [Fact]
    public async Task Smart_upload_checks_the_variant_before_the_file_and_names_the_stored_file_from_the_clients()
    {
        var variant = SeedAndroid();

        var noFile = await SmartUploadAsync(new MultipartFormDataContent { { new StringContent("var_0000000000000000"), "variant_id" } });
        var notZip = await SmartUploadAsync(SmartForm(variant.Id, "My App!.apk", "MZ"u8.ToArray()));
        var stored = await SmartUploadAsync(SmartForm(variant.Id, "My App!.apk", Zip));

        (await ErrorOf(noFile)).Should().Be(("BAD_REQUEST", "variant not found"));
        (await ErrorOf(notZip)).Code.Should().Be("PARSE_ERROR");
        stored.StatusCode.Should().Be(HttpStatusCode.Created);
        _fenfa.Releases.Single().FileName.Should().Be("MyApp_20260502_091244_3.1.apk");

        static MultipartFormDataContent SmartForm(string variantId, string fileName, byte[] file) => new()
        {
            { new StringContent(variantId), "variant_id" },
            { new StringContent("3.1"), "version" },
            { new ByteArrayContent(file), "app_file", fileName },
        };
    }

    // ---- Listings (§3.8, §5) ----

    [Fact]
    public async Task Variant_stats_list_all_releases_newest_first_with_product_and_variant()
    {
        var variant = SeedAndroid();
        var old = _fenfa.SeedRelease(variant.Id, "1.0", 1, createdAt: _time.GetUtcNow().AddDays(-1));
        var uploaded = await DataOf(await UploadAsync(variant.Id, "a.apk", Zip, fields: new() { ["version"] = "2.0", ["build"] = "2" }));

        var data = await DataOf(await SendAsync(HttpMethod.Get, $"admin/api/variants/{variant.Id}/stats", Admin));
        var unknown = await SendAsync(HttpMethod.Get, "admin/api/variants/var_0000000000000000/stats", Admin);

        Names(data.GetProperty("product")).Should().Equal("id", "slug", "name");
        Names(data.GetProperty("variant")).Should().Equal("id", "product_id", "platform", "identifier", "display_name", "arch",
            "installer_type", "min_os", "published");
        var releases = data.GetProperty("releases").EnumerateArray().ToList();
        releases.Select(r => r.GetProperty("id").GetString())
            .Should().Equal(uploaded.GetProperty("release").GetProperty("id").GetString(), old.Id);
        Names(releases[0]).Should().Equal("id", "version", "build", "download_count", "created_at", "channel", "min_os",
            "changelog", "file_ext", "file_name");
        releases[0].GetProperty("file_name").GetString().Should().Be("app.apk");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ErrorOf(unknown)).Should().Be(("NOT_FOUND", "variant not found"));
    }

    [Fact]
    public async Task Admin_product_lists_every_variant_with_its_releases()
    {
        var product = _fenfa.SeedProduct("Lumen");
        var second = _fenfa.SeedVariant(product.Id, "android", sortOrder: 2);
        var first = _fenfa.SeedVariant(product.Id, "ios", sortOrder: 1, published: false);
        _fenfa.SeedRelease(first.Id, "1.0", 1);

        var data = await DataOf(await SendAsync(HttpMethod.Get, $"admin/api/products/{product.Id}", Admin));

        var variants = data.GetProperty("variants").EnumerateArray().ToList();
        variants.Select(v => v.GetProperty("id").GetString()).Should().Equal(first.Id, second.Id);
        variants[0].GetProperty("releases").GetArrayLength().Should().Be(1);
        variants[1].GetProperty("releases").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Public_product_json_shows_only_published_variants_with_latest_release_and_ios_actions()
    {
        var product = _fenfa.SeedProduct("Lumen");
        var ios = _fenfa.SeedVariant(product.Id, "ios", identifier: "com.example.lumen");
        var android = _fenfa.SeedVariant(product.Id, "android");
        var hidden = _fenfa.SeedVariant(product.Id, "macos", published: false);
        _fenfa.SeedRelease(ios.Id, "1.0", 1, createdAt: _time.GetUtcNow().AddHours(-1));
        var newest = _fenfa.SeedRelease(ios.Id, "1.1", 2);
        _fenfa.SeedRelease(android.Id, "1.0", 1);

        var byId = await DataOf(await _http.GetAsync(new Uri($"api/products/{product.Id}", UriKind.Relative)));
        var bySlug = await DataOf(await _http.GetAsync(new Uri("api/products/slug/lumen", UriKind.Relative)));
        var slugAsId = await _http.GetAsync(new Uri("api/products/lumen", UriKind.Relative));

        slugAsId.StatusCode.Should().Be(HttpStatusCode.OK);
        bySlug.GetRawText().Should().Be(byId.GetRawText());
        Names(byId.GetProperty("product")).Should().Equal("id", "slug", "name", "icon_url", "published");
        var variants = byId.GetProperty("variants").EnumerateArray().ToList();
        variants.Select(v => v.GetProperty("id").GetString()).Should().Equal(ios.Id, android.Id).And.NotContain(hidden.Id);
        var iosVariant = variants[0];
        iosVariant.GetProperty("latest_release").GetProperty("id").GetString().Should().Be(newest.Id);
        iosVariant.GetProperty("releases").GetArrayLength().Should().Be(2);
        Names(iosVariant.GetProperty("latest_release").GetProperty("actions"))
            .Should().Equal("download", "release_page", "ios_manifest", "ios_install");
        Names(variants[1].GetProperty("releases")[0].GetProperty("actions")).Should().Equal("download", "release_page");
        variants[1].GetProperty("releases")[0].GetProperty("actions").GetProperty("release_page").GetString()
            .Should().EndWith("/products/lumen?r=" + _fenfa.ReleasesOf(android.Id)[0].Id);
    }

    [Fact]
    public async Task An_unpublished_product_is_404_on_public_reads_and_downloads()
    {
        var variant = SeedAndroid();
        var release = _fenfa.SeedRelease(variant.Id, "1.0", 1);
        await SendAsync(HttpMethod.Put, $"admin/api/products/{variant.ProductId}", Admin, new { published = false });

        var product = await _http.GetAsync(new Uri("api/products/slug/lumen", UriKind.Relative));
        var download = await _http.GetAsync(new Uri($"d/{release.Id}", UriKind.Relative));
        var unknown = await _http.GetAsync(new Uri("api/products/nope", UriKind.Relative));

        product.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ErrorOf(product)).Should().Be(("NOT_FOUND", "product not published"));
        download.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ErrorOf(download)).Code.Should().Be("NOT_FOUND");
        (await ErrorOf(unknown)).Should().Be(("NOT_FOUND", "product not found"));
    }

    [Fact]
    public async Task Csv_export_carries_sha256_and_size_for_the_variant_only()
    {
        var variant = SeedAndroid();
        var other = _fenfa.SeedVariant(variant.ProductId, "ios");
        await UploadAsync(variant.Id, "a.apk", Zip, fields: new() { ["version"] = "1.0, final", ["build"] = "3", ["channel"] = "beta" });
        _fenfa.SeedRelease(other.Id, "9.9", 9);

        var response = await SendAsync(HttpMethod.Get, $"admin/exports/releases.csv?variant_id={variant.Id}", Admin);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        lines.Should().HaveCount(2);
        lines[0].Should().Be("app_id,variant_id,release_id,version,build,created_at,size_bytes,sha256,download_count,channel");
        var release = _fenfa.ReleasesOf(variant.Id).Single();
        lines[1].Should().Be($",{variant.Id},{release.Id},\"1.0, final\",3,2026-05-02 09:12:44,{Zip.Length},"
                             + $"{Convert.ToHexStringLower(SHA256.HashData(Zip))},0,beta");
    }

    [Fact]
    public async Task Ios_devices_are_listed_newest_first_and_paged()
    {
        var first = _fenfa.AddDevice("00008110-000A1B2C3D4E5F60", "QA iPhone 15", "iPhone16,1", "18.2");
        var second = _fenfa.AddDevice("00008120-0000000000000001", "QA iPad", "iPad14,1", "17.5");

        var page = await DataOf(await SendAsync(HttpMethod.Get, "admin/api/ios_devices?limit=1&offset=1", Admin));
        var search = await DataOf(await SendAsync(HttpMethod.Get, "admin/api/ios_devices?q=ipad", Admin));

        page.GetProperty("total").GetInt32().Should().Be(2);
        var item = page.GetProperty("items").EnumerateArray().Single();
        item.GetProperty("id").GetString().Should().Be(first.Id);
        Names(item).Should().Equal("id", "udid", "device_name", "model", "os_version", "created_at", "verified_at",
            "apple_registered", "apple_registered_at", "apple_device_id");
        item.GetProperty("apple_registered_at").ValueKind.Should().Be(JsonValueKind.Null);
        search.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetString().Should().Be(second.Id);
    }

    // ---- DB failure (pitfall 12) ----

    [Fact]
    public async Task With_the_database_down_lists_are_empty_200s_and_healthz_is_503()
    {
        _fenfa.SeedProduct("Lumen");
        _fenfa.AddDevice("udid");
        _fenfa.DatabaseDown = true;

        var products = await SendAsync(HttpMethod.Get, "admin/api/products", Admin);
        var devices = await SendAsync(HttpMethod.Get, "admin/api/ios_devices", Admin);
        var health = await _http.GetAsync(new Uri("healthz", UriKind.Relative));

        products.StatusCode.Should().Be(HttpStatusCode.OK);
        (await products.Content.ReadAsStringAsync()).Should().Be("""{"ok":true,"data":{"total":0,"items":[]}}""");
        (await DataOf(devices)).GetProperty("total").GetInt32().Should().Be(0);
        health.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await ErrorOf(health)).Code.Should().Be("DB_DOWN");

        _fenfa.DatabaseDown = false;
        (await DataOf(await SendAsync(HttpMethod.Get, "admin/api/products", Admin))).GetProperty("total").GetInt32().Should().Be(1);
    }

    // ---- Faults ----

    [Fact]
    public async Task A_503_fault_answers_once_then_the_upload_succeeds()
    {
        var variant = SeedAndroid();
        _fenfa.Faults.Add(Fault.Status("POST", "/upload", 503, """{"ok":false,"error":{"code":"UNAVAILABLE","message":"busy"}}"""));

        var failed = await UploadAsync(variant.Id, "a.apk", Zip);
        var succeeded = await UploadAsync(variant.Id, "a.apk", Zip);

        failed.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        succeeded.StatusCode.Should().Be(HttpStatusCode.Created);
        _fenfa.Releases.Should().HaveCount(1);
        _fenfa.Journal.CountOf("POST", "/upload").Should().Be(2);
    }

    [Fact]
    public async Task A_rate_limit_fault_answers_429_with_retry_after()
    {
        _fenfa.Faults.Add(Fault.RateLimited("GET", "/admin/api/products", 7));

        var limited = await SendAsync(HttpMethod.Get, "admin/api/products", Admin);
        var next = await SendAsync(HttpMethod.Get, "admin/api/products", Admin);

        limited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(7));
        next.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_html_fault_looks_like_a_proxy_error_page()
    {
        _fenfa.Faults.Add(Fault.Html("POST", "/upload", 413));

        var response = await UploadAsync(SeedAndroid().Id, "a.apk", Zip);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await response.Content.ReadAsStringAsync()).Should().Contain("<title>413 Request Entity Too Large</title>");
        _fenfa.Releases.Should().BeEmpty();
    }

    [Fact]
    public async Task DropAfterHandler_stores_the_release_but_the_client_sees_a_dropped_connection()
    {
        var variant = SeedAndroid();
        _fenfa.Faults.Add(Fault.Drop(FaultKind.DropAfterHandler, "POST", "/upload"));

        var act = () => UploadAsync(variant.Id, "a.apk", Zip, fields: new() { ["version"] = "1.0" });

        await act.Should().ThrowAsync<Exception>().Where(e => e is HttpRequestException || e is IOException);
        _fenfa.Releases.Should().ContainSingle().Which.Version.Should().Be("1.0");
    }

    [Fact]
    public async Task DropDuringBody_stores_nothing()
    {
        var variant = SeedAndroid();
        var content = new byte[2 * 1024 * 1024];
        content[0] = (byte)'P';
        content[1] = (byte)'K';
        _fenfa.Faults.Add(Fault.Drop(FaultKind.DropDuringBody, "POST", "/upload"));

        var act = () => UploadAsync(variant.Id, "a.apk", content);

        await act.Should().ThrowAsync<Exception>().Where(e => e is HttpRequestException || e is IOException);
        _fenfa.Releases.Should().BeEmpty();
        (await UploadAsync(variant.Id, "a.apk", content)).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_delay_fault_outlasts_a_short_client_timeout_and_later_requests_are_prompt()
    {
        _fenfa.Faults.Add(Fault.Slow("GET", "/healthz", TimeSpan.FromMinutes(5)));
        using var impatient = new HttpClient { BaseAddress = _fenfa.BaseUrl, Timeout = TimeSpan.FromMilliseconds(300) };

        var slow = () => impatient.GetAsync(new Uri("healthz", UriKind.Relative));

        await slow.Should().ThrowAsync<TaskCanceledException>();
        (await impatient.GetAsync(new Uri("healthz", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    // ---- Helpers ----

    private FenfaVariant SeedAndroid()
    {
        var product = _fenfa.SeedProduct("Lumen");
        return _fenfa.SeedVariant(product.Id, "android", identifier: "org.example.lumen");
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string? token, object? body = null)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (token is not null) request.Headers.TryAddWithoutValidation("X-Auth-Token", token);
        request.Content = body switch
        {
            null => null,
            HttpContent content => content,
            _ => JsonContent.Create(body),
        };
        return request;
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, object? body = null) =>
        _http.SendAsync(Request(method, path, token, body));

    private async Task<JsonElement> CreateProductAsync(object body)
    {
        var response = await SendAsync(HttpMethod.Post, "admin/api/products", Admin, body);
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await DataOf(response)).GetProperty("product");
    }

    private static HttpRequestMessage UploadRequest(string? variantId, string? fileName, byte[]? file, string token,
        Dictionary<string, string> fields)
    {
        var form = new MultipartFormDataContent();
        if (variantId is not null) form.Add(new StringContent(variantId), "variant_id");
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        if (fileName is not null && file is not null)
        {
            var part = new ByteArrayContent(file);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "app_file", fileName);
        }
        return Request(HttpMethod.Post, "upload", token, form);
    }

    private Task<HttpResponseMessage> UploadAsync(string? variantId, string? fileName, byte[]? file, string token = Upload,
        Dictionary<string, string>? fields = null) =>
        _http.SendAsync(UploadRequest(variantId, fileName, file, token, fields ?? []));

    private Task<HttpResponseMessage> SmartUploadAsync(MultipartFormDataContent form) =>
        _http.SendAsync(Request(HttpMethod.Post, "smart-upload", Upload, form));

    private static async Task<JsonElement> DataOf(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("ok").GetBoolean().Should().BeTrue();
        return json.RootElement.GetProperty("data").Clone();
    }

    private static async Task<(string Code, string? Message)> ErrorOf(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("ok").GetBoolean().Should().BeFalse();
        var error = json.RootElement.GetProperty("error");
        return (error.GetProperty("code").GetString()!,
            error.TryGetProperty("message", out var message) ? message.GetString() : null);
    }

    private static IEnumerable<string> Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name);
}
