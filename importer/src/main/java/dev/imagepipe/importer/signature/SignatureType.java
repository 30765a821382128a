package dev.imagepipe.importer.signature;

/** What kind of blob a signature's {@code content} is; {@link #wireName()} is the {@code ImageSignature.type}. */
public enum SignatureType {
    /** An OpenPGP-signed simple-signing payload, OpenShift's only type (A14.1). */
    SIMPLE_SIGNING("AtomicImageV1"),
    /**
     * A cosign signature: {@code content} is the simple-signing payload JSON, the signature itself is in the
     * {@link CosignSignatures#SIGNATURE_ANNOTATION} annotation. The name is ours (OpenShift never imports cosign, A14.2).
     */
    COSIGN("CosignSignatureV1");

    private final String wireName;

    SignatureType(String wireName) {
        this.wireName = wireName;
    }

    /** The {@code type} string stored in {@code ImageSignature}. */
    public String wireName() {
        return wireName;
    }
}
