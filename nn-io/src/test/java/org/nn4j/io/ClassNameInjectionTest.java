package org.nn4j.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Type fields naming Java classes (JDK classes, and a canary whose static initializer would raise a flag) never load
 * or initialise anything: the name is only looked up in the registry and rejected.
 */
class ClassNameInjectionTest {

    private static final String CANARY = "org.nn4j.io.Canary";

    @ParameterizedTest
    @ValueSource(strings = {CANARY, "java.lang.Runtime", "java.lang.ProcessBuilder", "javax.script.ScriptEngineManager",
            "java.net.URLClassLoader", "com.sun.rowset.JdbcRowSetImpl", "org.nn4j.core.layers.Dense",
            "[Ljava.lang.Object;", "Canary", "@class", "dense\u0000java.lang.Runtime", "DENSE", ""})
    void classNamesInEveryTypeFieldAreRejected(String name) {
        String type = ModelWriter.quote(name);
        String[] documents = {
            document("{\"type\": " + type + "}", "{\"type\": \"mse\"}", "{\"type\": \"sgd\", \"config\": {\"learningRate\": 0.1}}"),
            document("{\"type\": \"sigmoid\"}", "{\"type\": " + type + "}", "{\"type\": \"sgd\", \"config\": {\"learningRate\": 0.1}}"),
            document("{\"type\": \"sigmoid\"}", "{\"type\": \"mse\"}", "{\"type\": " + type + ", \"config\": {\"learningRate\": 0.1}}"),
            // Names in the other places a string can go: configuration values and keys, parameter names.
            document("{\"type\": \"sigmoid\", \"config\": {\"@class\": " + type + "}}", "{\"type\": \"mse\"}",
                    "{\"type\": \"sgd\", \"config\": {\"learningRate\": 0.1}}"),
            document("{\"type\": \"dense\", \"config\": {\"units\": 1}, \"parameters\": {" + type + ": [[1.0]]}}",
                    "{\"type\": \"mse\"}", "{\"type\": \"sgd\", \"config\": {\"learningRate\": 0.1}}"),
        };
        for (String json : documents) {
            ModelFormatException e = assertThrows(ModelFormatException.class,
                    () -> ModelFormat.standard().load(new StringReader(json)));
            assertTrue(e.getMessage().contains("registered") || e.getMessage().contains("unknown")
                    || e.getMessage().contains("missing"), e.getMessage());
        }
        assertFalse(CanaryFlag.initialized, "the canary class was initialised");
    }

    private static String document(String layer, String loss, String optimizer) {
        return "{\"format\": \"nn4j-model\", \"version\": 1, \"inputSize\": 1, \"layers\": [" + layer + "],"
                + " \"loss\": " + loss + ", \"optimizer\": " + optimizer + "}";
    }
}
