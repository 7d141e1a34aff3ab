namespace CiPublisher.Emulators.AltStore;

/// <summary>Sources as developers write them: legacy keys, keys this tool never heard of, unicode, odd numbers.</summary>
public static class SourceFixtures
{
    /// <summary>An AltStore Classic (SideStore-style) source: no marketplaceID, no buildVersion, a date-only date.</summary>
    public const string Classic = """
        {
          "name": "Community Apps",
          "identifier": "org.example.community",
          "apps": [
            {
              "name": "Lumen",
              "bundleIdentifier": "com.example.lumen",
              "developerName": "Example Labs",
              "localizedDescription": "A photo journal.",
              "iconURL": "https://apps.example.org/lumen/icon.png",
              "versions": [
                {
                  "version": "2.4.0",
                  "date": "2026-04-01",
                  "downloadURL": "https://github.com/example/lumen/releases/download/v2.4.0/Lumen.ipa",
                  "size": 41000000
                }
              ]
            }
          ]
        }

        """;

    public const string Realistic = """
        {
          "name": "Example Labs",
          "identifier": "org.example.source",
          "sourceURL": "https://apps.example.org/source.json",
          "subtitle": "Builds from Example Labs — café edition",
          "iconURL": "https://apps.example.org/icon.png",
          "tintColor": "#3A7BD5",
          "fediUsername": "examplelabs",
          "x-build-pipeline": {"owner": "ci", "weights": [1.50, 2e3, -0.0], "flags": null},
          "featuredApps": ["org.example.lumen", "org.example.dusk"],
          "apps": [
            {
              "name": "Lumen",
              "bundleIdentifier": "org.example.lumen",
              "marketplaceID": "6741000000",
              "developerName": "Example Labs",
              "subtitle": "A photo journal",
              "localizedDescription": "A small photo journal.\nWith <b>markup</b> & ampersands.",
              "iconURL": "https://apps.example.org/lumen/icon.png",
              "category": "photo-video",
              "beta": false,
              "x-internal-notes": "keep me",
              "appPermissions": {
                "entitlements": ["com.apple.security.application-groups"],
                "privacy": {"NSCameraUsageDescription": "Lumen takes photos for your journal."}
              },
              "screenshots": {
                "iphone": ["https://apps.example.org/lumen/1.png"],
                "ipad": [{"imageURL": "https://apps.example.org/lumen/ipad1.png", "width": 2048, "height": 2732}]
              },
              "versions": [
                {
                  "version": "2.4.1",
                  "buildVersion": "418",
                  "marketingVersion": "2.4.1 (Spring)",
                  "date": "2026-05-02T09:12:44Z",
                  "localizedDescription": "Faster export.",
                  "downloadURL": "https://apps.example.org/lumen/adp/2.4.1-418/manifest.json",
                  "assetURLs": {"Lumen.ipa": "https://github.com/example/lumen/releases/download/v2.4.1/Lumen.ipa"},
                  "size": 48213776,
                  "sha256": "ab12",
                  "minOSVersion": "17.4",
                  "maxOSVersion": "26.0"
                },
                {
                  "version": "2.4.0",
                  "buildVersion": "410",
                  "date": "2026-04-01",
                  "downloadURL": "https://apps.example.org/lumen/adp/2.4.0-410/manifest.json",
                  "size": 48000000
                }
              ]
            },
            {
              "name": "Dusk",
              "bundleIdentifier": "org.example.dusk",
              "marketplaceID": "6741000001",
              "developerName": "Example Labs",
              "localizedDescription": "Night mode for everything.",
              "iconURL": "https://apps.example.org/dusk/icon.png",
              "versions": [
                {
                  "version": "1.0",
                  "buildVersion": "7",
                  "date": "2026-03-03T10:00:00+01:00",
                  "downloadURL": "https://apps.example.org/dusk/adp/1.0-7/manifest.json",
                  "size": 1200000
                }
              ]
            }
          ],
          "news": [
            {"identifier": "lumen-2.4", "date": "2026-05-02", "title": "Lumen 2.4", "caption": "Export is faster.", "appID": "org.example.lumen", "notify": true}
          ],
          "userInfo": {"theme": "dark"}
        }

        """;
}
