package dev.imagepipe.tagger.signature;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a trusted key may vouch for images, judged at verification time (never at the signature's own claimed time,
 * which whoever holds the key can backdate). Rotating a key out means setting {@code validUntil}: from then on its
 * signatures verify as {@code Trusted=False}.
 *
 * @param validFrom start of validity, inclusive; empty means always
 * @param validUntil end of validity, exclusive; empty means no end
 */
public record KeyValidity(Optional<Instant> validFrom, Optional<Instant> validUntil) {

    /** Valid at all times. */
    public static final KeyValidity ALWAYS = new KeyValidity(Optional.empty(), Optional.empty());

    public KeyValidity {
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        if (validFrom.isPresent() && validUntil.isPresent() && !validFrom.get().isBefore(validUntil.get())) {
            throw new IllegalArgumentException(
                    "validFrom " + validFrom.get() + " is not before validUntil " + validUntil.get());
        }
    }

    /** Whether the key is valid at {@code at}, not yet valid, or expired (rotated out). */
    public Standing at(Instant at) {
        if (validFrom.isPresent() && at.isBefore(validFrom.get())) {
            return Standing.NOT_YET_VALID;
        }
        if (validUntil.isPresent() && !at.isBefore(validUntil.get())) {
            return Standing.EXPIRED;
        }
        return Standing.VALID;
    }

    /** A key's standing at one instant. */
    public enum Standing {
        VALID,
        NOT_YET_VALID,
        EXPIRED
    }
}
