package eu.vigil.company;

import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

// Minimal seeded property-test runner on plain JUnit: generate cases from a fixed seed, check each one,
// and on failure report the seed, the case number and the failing input next to the original message.
final class RandomCases {

    static final int TRIES = 1_000;

    private RandomCases() {}

    static <T> List<T> generate(long seed, int count, Function<Random, T> generator) {
        Random random = new Random(seed);
        return Stream.generate(() -> generator.apply(random)).limit(count).toList();
    }

    // checks TRIES generated cases
    static <T> void forAll(long seed, Function<Random, T> generator, Consumer<T> property) {
        check(seed, generate(seed, TRIES, generator), input -> {
            property.accept(input);
            return 1;
        });
    }

    // checks TRIES generated cases; the property returns how many assertions it made for a case (it may skip
    // excluded corruptions), and the run fails if fewer than minimumChecks assertions were made in total
    static <T> void forAllCounting(
            long seed, Function<Random, T> generator, int minimumChecks, ToIntFunction<T> property) {
        int checks = check(seed, generate(seed, TRIES, generator), property);
        if (checks < minimumChecks) {
            throw new AssertionError(
                    "seed 0x%XL: only %d checks were made, expected at least %d; are the exclusions too broad?"
                            .formatted(seed, checks, minimumChecks));
        }
    }

    static <T> int check(long seed, List<T> cases, ToIntFunction<T> property) {
        int checks = 0;
        for (int i = 0; i < cases.size(); i++) {
            T input = cases.get(i);
            try {
                checks += property.applyAsInt(input);
            } catch (AssertionError | RuntimeException failure) {
                throw new AssertionError(
                        "property failed for case %d of %d (seed 0x%XL), input: '%s'%n  %s"
                                .formatted(i + 1, cases.size(), seed, input, failure.getMessage()),
                        failure);
            }
        }
        return checks;
    }
}
