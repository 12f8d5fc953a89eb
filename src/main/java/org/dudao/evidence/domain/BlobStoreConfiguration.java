package org.dudao.evidence.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.dudao.evidence.inspect.FileInspector;
import org.dudao.evidence.store.BlobStore;
import org.dudao.evidence.store.LocalBlobStore;
import org.dudao.evidence.store.S3BlobStore;
import org.dudao.shared.DudaoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where evidence bytes live: {@code dudao.evidence.storage=local} (default: {@code <data-dir>/files},
 * content-addressed) or {@code s3} (an S3-compatible object store shared by the nodes of a cluster).
 * Uploads are staged in {@code <data-dir>/staging} in both cases.
 */
@Configuration
class BlobStoreConfiguration {

    @Bean
    BlobStore blobStore(DudaoProperties properties) throws IOException {
        Path data = properties.dataDir().toAbsolutePath().normalize();
        Path staging = data.resolve("staging");
        DudaoProperties.Evidence e = properties.evidence();
        if ("s3".equalsIgnoreCase(e.storage())) {
            DudaoProperties.S3 s3 = e.s3();
            if (s3 == null || s3.endpoint() == null || s3.bucket() == null) {
                throw new IllegalStateException("dudao.evidence.s3.endpoint and .bucket are required for s3 storage");
            }
            return new S3BlobStore(s3.endpoint(), s3.region(), s3.bucket(), s3.accessKey(), s3.secretKey(), staging);
        }
        if (!"local".equalsIgnoreCase(e.storage())) {
            throw new UncheckedIOException(new IOException("dudao.evidence.storage must be local or s3"));
        }
        return new LocalBlobStore(data.resolve("files"), staging);
    }

    @Bean
    FileInspector fileInspector() {
        return new FileInspector();
    }
}
