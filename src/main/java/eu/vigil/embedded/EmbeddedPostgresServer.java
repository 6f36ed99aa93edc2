package eu.vigil.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.springframework.beans.factory.DisposableBean;

record EmbeddedPostgresServer(EmbeddedPostgres postgres, boolean ownedByContext) implements DisposableBean {

    @Override
    public void destroy() throws IOException {
        if (ownedByContext) {
            postgres.close();
        }
    }
}
