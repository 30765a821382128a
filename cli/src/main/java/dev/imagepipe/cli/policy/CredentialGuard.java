package dev.imagepipe.cli.policy;

import dev.imagepipe.cli.document.Node;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses credentials anywhere in a policy document. The policy topic is readable by every service and kept forever
 * (compacted), so a password written there would leak to all of them; credentials belong in pull secrets given to the
 * importer (A2.6). Checked before unknown fields, so the user learns why rather than just that the key is unknown.
 */
final class CredentialGuard {

    /** Keys that carry secrets in docker config files, pull secrets and registry auth settings, compared lowercase. */
    static final Set<String> CREDENTIAL_KEYS = Set.of(
            "auth",
            "auths",
            "password",
            "passwd",
            "username",
            "token",
            "identitytoken",
            "registrytoken",
            "secret",
            "secrets",
            "pullsecret",
            "credentials",
            "privatekey",
            ".dockerconfigjson",
            ".dockercfg");

    /** Private key armour: GPG's and PEM's (RSA, EC, PKCS#8, encrypted). */
    private static final String PRIVATE_KEY_MARKER = "PRIVATE KEY";

    private CredentialGuard() {}

    /** @throws dev.imagepipe.cli.document.DocumentException naming the first credential found */
    static void check(Node node) {
        for (Node entry : node.entries()) {
            if (!entry.path().endsWith("]")
                    && CREDENTIAL_KEYS.contains(entry.key().toLowerCase(Locale.ROOT))) {
                throw entry.error(
                        "credentials are never accepted in a policy; give them to the importer as pull" + " secrets");
            }
            check(entry);
        }
    }

    /** @throws dev.imagepipe.cli.document.DocumentException when {@code key} holds private key material */
    static String publicMaterial(Node key) {
        String text = key.nonEmptyString();
        if (text.contains(PRIVATE_KEY_MARKER)) {
            throw key.error("this is a private key; a policy holds only public keys");
        }
        return text;
    }
}
