package dev.imagepipe.auditor.invariant;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shapes of credentials that must never be in a record (DESIGN: credentials come from docker-config files and never
 * appear in records or logs). Each is narrow enough that digests, pull specs, public keys and signatures do not match:
 * a password needs a value after it, a docker-config {@code auth} must decode to {@code user:password}, a URL needs a
 * scheme before its {@code user:password@}.
 */
public enum CredentialPattern {
    /** {@code password=...}, {@code "passwd": "..."}, {@code DB_PASSWORD=...}: a password keyword given a value. */
    PASSWORD("password assignment", "(?i)pass(?:word|wd)\\w*[\"']?\\s*[:=]\\s*[\"']?[^\\s\"',;&}]+"),
    /** An HTTP {@code Authorization} header with Basic or Bearer credentials, in header or JSON form. */
    AUTHORIZATION_HEADER(
            "Authorization header", "(?i)authorization[\"']?\\s*[:=]\\s*[\"']?(?:basic|bearer)\\s+[A-Za-z0-9._~+/=-]+"),
    /** A docker config {@code "auth": "<base64 of user:password>"}. */
    DOCKER_CONFIG_AUTH("docker config auth", "\"auth\"\\s*:\\s*\"([A-Za-z0-9+/]+={0,2})\"") {
        @Override
        boolean confirms(Matcher match) {
            try {
                String decoded = new String(Base64.getDecoder().decode(match.group(1)), StandardCharsets.UTF_8);
                return decoded.indexOf(':') > 0;
            } catch (IllegalArgumentException notBase64) {
                return false;
            }
        }
    },
    /** A PEM private key of any kind (RSA, EC, OpenSSH, PKCS#8, encrypted, OpenPGP). */
    PRIVATE_KEY("PEM private key", "-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----"),
    /** {@code scheme://user:password@host}. */
    URL_USERINFO("user:password in a URL", "(?i)\\b[a-z][a-z0-9+.-]*://[^/\\s:@\"']+:[^/\\s@\"']+@"),
    /** An AWS access key id (long-term {@code AKIA}, temporary {@code ASIA}). */
    AWS_ACCESS_KEY_ID("AWS access key id", "\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"),
    /** An AWS secret access key given a value. */
    AWS_SECRET_KEY("AWS secret access key", "(?i)aws_?secret_?access_?key[\"']?\\s*[:=]\\s*[\"']?[A-Za-z0-9/+=]{40}");

    private final String title;
    private final Pattern pattern;

    CredentialPattern(String title, String regex) {
        this.title = title;
        this.pattern = Pattern.compile(regex);
    }

    /** A human name for what was found. */
    public String title() {
        return title;
    }

    /** Whether {@code text} holds this kind of credential. */
    public boolean foundIn(String text) {
        Matcher match = pattern.matcher(text);
        while (match.find()) {
            if (confirms(match)) {
                return true;
            }
        }
        return false;
    }

    /** A second look at a match, for patterns whose regex alone is too broad. */
    boolean confirms(Matcher match) {
        return true;
    }
}
