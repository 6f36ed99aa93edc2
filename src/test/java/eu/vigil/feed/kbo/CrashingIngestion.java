package eu.vigil.feed.kbo;

import eu.vigil.VigilApplication;
import eu.vigil.feed.FeedIngestion;
import java.nio.file.Path;
import org.springframework.boot.SpringApplication;

/** Run in a child JVM by {@link KboCrashResumeTests}: ingests an extract until the test kills the process. */
public final class CrashingIngestion {

    private CrashingIngestion() {}

    public static void main(String[] args) {
        var app = new SpringApplication(VigilApplication.class)
                .run(
                        "--spring.datasource.url=" + args[0],
                        "--spring.datasource.username=postgres",
                        "--server.port=0",
                        "--spring.quartz.auto-startup=false",
                        "--spring.mail.host=localhost",
                        "--vigil.demo.seed=false",
                        "--vigil.tenancy.bootstrap.api-key=",
                        "--vigil.tenancy.bootstrap.admin-email=",
                        "--spring.flyway.enabled=false",
                        "--logging.level.root=WARN");
        System.out.println("INGESTING");
        app.getBean(FeedIngestion.class).ingestInPlace("kbo", Path.of(args[1]), true, "crash-test");
        System.out.println("FINISHED");
        System.exit(0);
    }
}
