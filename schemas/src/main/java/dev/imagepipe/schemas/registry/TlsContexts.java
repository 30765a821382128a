package dev.imagepipe.schemas.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.common.config.ConfigException;

/** Builds the TLS context for a configured trust store. Certificate and host name verification stay on. */
final class TlsContexts {

    private TlsContexts() {}

    static SSLContext trusting(TrustStore trustStore) {
        try (InputStream in = Files.newInputStream(trustStore.location())) {
            KeyStore keyStore = KeyStore.getInstance(trustStore.type());
            keyStore.load(in, trustStore.password().map(String::toCharArray).orElse(null));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(keyStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            // The exception text names the file or the keystore problem; the password is never part of it.
            throw new ConfigException("Cannot load the trust store from " + RegistryClientSettings.TRUSTSTORE_LOCATION
                    + " (" + trustStore.location() + ", type " + trustStore.type() + "): " + e);
        }
    }
}
