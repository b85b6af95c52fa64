package org.nn4j.io;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Validates documents against the published schema resource (test-only use of a schema validator). */
final class SchemaValidation {

    private static final Schema SCHEMA = load();

    private SchemaValidation() {
    }

    private static Schema load() {
        try (InputStream in = ModelFormat.class.getResourceAsStream(ModelFormat.SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + ModelFormat.SCHEMA_RESOURCE);
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the schema's complaints about the document, empty if it is valid */
    static List<String> errors(String json) {
        List<Error> errors = SCHEMA.validate(json, InputFormat.JSON);
        return errors.stream().map(Error::toString).toList();
    }
}
