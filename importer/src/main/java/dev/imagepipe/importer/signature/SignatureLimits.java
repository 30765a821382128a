package dev.imagepipe.importer.signature;

/** Caps on what signature discovery reads, so a hostile store cannot exhaust memory or time. */
public final class SignatureLimits {

    /**
     * One signature, and the extension API's whole list: containers/image's {@code iolimits.MaxSignatureBodySize} and
     * {@code MaxSignatureListBodySize} (4 MiB, "greatly sufficient"); real signatures are well under 10 KiB.
     */
    public static final long MAX_SIGNATURE_BYTES = 4L * 1024 * 1024;

    /** Lookaside signatures read per image: containers/image's {@code maxLookasideSignatures}; stops a runaway store. */
    public static final int MAX_LOOKASIDE_SIGNATURES = 128;

    /** Cosign signature layers read per image: the same bound as lookaside, for the same reason. */
    public static final int MAX_COSIGN_SIGNATURES = 128;

    private SignatureLimits() {}
}
