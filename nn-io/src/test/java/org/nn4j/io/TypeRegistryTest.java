package org.nn4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nn4j.core.activations.Sigmoid;
import org.nn4j.core.layers.Dense;

class TypeRegistryTest {

    @Test
    void builtInsAreRegisteredByShortNames() {
        // Names are part of the format: this list only grows (BuiltInTypesRoundTripTest covers the newer types).
        TypeRegistry r = TypeRegistry.builtIns();
        assertTrue(r.layerNames().containsAll(List.of("dense", "sigmoid")), r.toString());
        assertTrue(r.lossNames().contains("mse"), r.toString());
        assertTrue(r.optimizerNames().contains("sgd"), r.toString());
        assertTrue(r.toString().startsWith("TypeRegistry[layers: dense, "), r.toString());
        for (String name : r.layerNames()) {
            assertTrue(name.matches("[a-z][a-z0-9_-]*"), name);
        }
    }

    @Test
    void namesThatCouldBeClassNamesAreRefused() {
        for (String name : new String[] {"java.lang.Runtime", "Sigmoid", "", "1relu", "a b", "x".repeat(65)}) {
            assertThrows(IllegalArgumentException.class,
                    () -> TypeRegistry.emptyBuilder().activation(name, Sigmoid.class, Sigmoid::new), name);
        }
    }

    @Test
    void aNameOrClassIsRegisteredOnce() {
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> TypeRegistry.builder().activation("dense", CustomActivationTest.Softsign.class,
                        CustomActivationTest.Softsign::new));
        assertTrue(name.getMessage().contains("\"dense\" is registered already"), name.getMessage());
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
                () -> TypeRegistry.builder().activation("logistic", Sigmoid.class, Sigmoid::new));
        assertTrue(type.getMessage().contains("registered already as \"sigmoid\""), type.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TypeRegistry.builder()
                .layer("fc", Dense.class, d -> Config.empty(), (in, c) -> new Dense(in, 1)));
    }

    @Test
    void aBuiltRegistryDoesNotChangeWithItsBuilder() {
        TypeRegistry.Builder builder = TypeRegistry.builder();
        TypeRegistry before = builder.build();
        builder.activation("softsign", CustomActivationTest.Softsign.class, CustomActivationTest.Softsign::new);
        assertFalse(before.layerNames().contains("softsign"));
        assertTrue(builder.build().layerNames().contains("softsign"));
        assertThrows(UnsupportedOperationException.class, () -> before.layers().clear());
    }

    @Test
    void configGettersNameTheKey() {
        Config c = Config.builder().put("units", 4).put("rate", 0.5).put("name", "x").put("on", true).build();
        assertEquals(4, c.getInt("units"));
        assertEquals(4.0, c.getDouble("units"));
        assertEquals(0.5, c.getDouble("rate"));
        assertEquals("x", c.getString("name"));
        assertTrue(c.getBoolean("on"));
        assertEquals(List.of("name", "on", "rate", "units"), List.copyOf(c.keys()));
        assertEquals("missing configuration key \"alpha\"",
                assertThrows(IllegalArgumentException.class, () -> c.getDouble("alpha")).getMessage());
        assertEquals("configuration key \"rate\": expected an integer, found 0.5",
                assertThrows(IllegalArgumentException.class, () -> c.getInt("rate")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Config.of("x", Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Config.of("x", new Object()));
        assertThrows(IllegalArgumentException.class, () -> Config.of("x", "\ud800"));
        assertEquals("\ud83d\ude00", Config.of("x", "\ud83d\ude00").getString("x"));
        c.reserve(Long.MAX_VALUE);   // outside loading, reserving is free
    }
}
