package dev.imagepipe.auditor.invariant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialPatternTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "PASSWORD|password=hunter2",
                "PASSWORD|{\"password\": \"hunter2\"}",
                "PASSWORD|MYSQL_ROOT_PASSWORD=secret",
                "PASSWORD|passwd: s3cret",
                "AUTHORIZATION_HEADER|Authorization: Basic dXNlcjpwYXNz",
                "AUTHORIZATION_HEADER|{\"Authorization\":\"Bearer abc.def.ghi\"}",
                "PRIVATE_KEY|-----BEGIN RSA PRIVATE KEY-----",
                "PRIVATE_KEY|-----BEGIN PRIVATE KEY-----",
                "PRIVATE_KEY|-----BEGIN OPENSSH PRIVATE KEY-----",
                "PRIVATE_KEY|-----BEGIN PGP PRIVATE KEY BLOCK-----",
                "URL_USERINFO|see https://robot:tok3n@quay.io/v2/",
                "AWS_ACCESS_KEY_ID|key AKIAIOSFODNN7EXAMPLE here",
                "AWS_SECRET_KEY|aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            })
    void findsEachKindOfCredential(CredentialPattern pattern, String text) {
        assertThat(pattern.foundIn(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"robot:hunter2", "a:b"})
    void findsADockerConfigAuthThatDecodesToUserAndPassword(String userPassword) {
        String config = "{\"auths\":{\"quay.io\":{\"auth\":\""
                + Base64.getEncoder().encodeToString(userPassword.getBytes()) + "\"}}}";

        assertThat(CredentialPattern.DOCKER_CONFIG_AUTH.foundIn(config)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "registry.example.com/prod/api@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                "docker.io/library/busybox:1.36",
                "localhost:5000/team/app:latest",
                "-----BEGIN PUBLIC KEY-----",
                "-----BEGIN PGP PUBLIC KEY BLOCK-----",
                "the password is required",
                "PASSWORD_FILE=",
                "{\"auth\":\"bm90LWEtcGFpcg==\"}",
                "Authorization header missing",
                "https://registry.example.com/v2/",
                "Unauthorized: authentication required",
            })
    void doesNotMistakeOrdinaryStringsForCredentials(String text) {
        assertThat(Arrays.stream(CredentialPattern.values()).filter(p -> p.foundIn(text)))
                .isEmpty();
    }
}
