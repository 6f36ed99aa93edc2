package eu.vigil.signal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The signals Vigil knows, read once at start-up. An invalid catalogue stops the application with
 * an {@link InvalidCatalogueException} listing every entry to fix.
 */
@Component
public class SignalCatalogue {

    static final String BUILT_IN = "signals/signals.yml";

    private static final Logger log = LoggerFactory.getLogger(SignalCatalogue.class);

    private final List<Signal> all;
    private final List<Signal> enabled;
    private final Map<String, Signal> byCode;

    @Autowired
    SignalCatalogue(SignalProperties properties) {
        this(configuredOrBuiltIn(properties.catalogue()));
    }

    public SignalCatalogue(Resource catalogue) {
        String source = describe(catalogue);
        this.all = CatalogueReader.read(catalogue, source);
        this.enabled = all.stream().filter(Signal::enabled).toList();
        Map<String, Signal> codes = new LinkedHashMap<>();
        all.forEach(signal -> codes.put(signal.code(), signal));
        this.byCode = Map.copyOf(codes);
        log.info("Signal catalogue {}: {} signals, {} enabled", source, all.size(), enabled.size());
    }

    /** Every signal in catalogue order, enabled or not. */
    public List<Signal> all() {
        return all;
    }

    public List<Signal> enabled() {
        return enabled;
    }

    public Optional<Signal> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }

    private static Resource configuredOrBuiltIn(Resource configured) {
        if (configured.exists()) {
            return configured;
        }
        log.info("No signal catalogue at {}: using the built-in one", describe(configured));
        return new ClassPathResource(BUILT_IN, SignalCatalogue.class.getClassLoader());
    }

    /** How an operator would name the file: {@code config/signals.yml}, not {@code URL [file:./config/signals.yml]}. */
    static String describe(Resource resource) {
        if (resource instanceof ClassPathResource classPath) {
            return "classpath:" + classPath.getPath();
        }
        if (resource.isFile()) {
            try {
                Path file = resource.getFile().toPath().toAbsolutePath().normalize();
                Path workingDirectory = Path.of("").toAbsolutePath();
                return file.startsWith(workingDirectory)
                        ? workingDirectory.relativize(file).toString()
                        : file.toString();
            } catch (IOException | RuntimeException e) {
                return resource.getDescription();
            }
        }
        return resource.getDescription();
    }
}
