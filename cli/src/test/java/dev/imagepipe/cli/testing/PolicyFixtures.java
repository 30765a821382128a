package dev.imagepipe.cli.testing;

/** Policy documents for tests. */
public final class PolicyFixtures {

    /** A policy document that sets every field, each to something other than its default. */
    public static final String EVERY_FIELD = """
            allowedRegistriesForImport:
              - domainName: quay.io
              - domainName: "*.example.com:5000"
                insecure: true
            registrySources:
              blockedRegistries: [evil.io, bad.io/ns]
              insecureRegistries: [localhost:5000]
              containerRuntimeSearchRegistries: [registry.access.redhat.com]
            repositoryDigestMirrors:
              - source: docker.io/library
                mirrors: [mirror.local/library, backup.local/library]
                allowMirrorByTags: true
            additionalTrustedCA: |
              -----BEGIN CERTIFICATE-----
              MIIB
              -----END CERTIFICATE-----
            trustedKeys:
              - name: release
                keyType: SimpleSigningGPG
                publicKey: |
                  -----BEGIN PGP PUBLIC KEY BLOCK-----
                  mQEN
                  -----END PGP PUBLIC KEY BLOCK-----
                scopes: [quay.io/org]
                identity:
                  type: RemapIdentity
                  prefix: mirror.local/org
                  signedPrefix: quay.io/org
                validFrom: "2025-01-01T00:00:00Z"
                validUntil: "2026-01-01T00:00:00Z"
              - name: cosign
                keyType: CosignECDSA
                publicKey: "-----BEGIN PUBLIC KEY-----\\nMFkw\\n-----END PUBLIC KEY-----\\n"
            signatureRequirements:
              - scope: quay.io/org
                requireTrustedSignature: true
            signatureStores:
              - scope: quay.io
                lookasideUrl: https://sigstore.example.com/signatures
            defaultImportMode: PreserveOriginal
            maxImagesBulkImportedPerRepository: 10
            scheduling:
              minimumIntervalSeconds: 600
              perMinuteBudget: -1
            internalRegistryHostname: image-registry.svc:5000
            externalRegistryHostnames: [registry.example.com]
            """;

    private PolicyFixtures() {}
}
