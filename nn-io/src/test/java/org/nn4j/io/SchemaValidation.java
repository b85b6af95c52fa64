package org.nn4j.io;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Validates documents against the published schema resources (test-only use of a schema validator). */
final class SchemaValidation {

    private static final Schema SCHEMA = load(ModelFormat.SCHEMA_RESOURCE);
    private static final Schema SCHEMA_V1 = load(ModelFormat.SCHEMA_RESOURCE_V1);

    private SchemaValidation() {
    }

    private static Schema load(String resource) {
        try (InputStream in = ModelFormat.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the complaints of the schema of the version nn4j writes, empty if the document is valid */
    static List<String> errors(String json) {
        return errors(SCHEMA, json);
    }

    /** @return the complaints of the version-1 schema, empty if the document is a valid version-1 document */
    static List<String> errorsV1(String json) {
        return errors(SCHEMA_V1, json);
    }

    private static List<String> errors(Schema schema, String json) {
        List<Error> errors = schema.validate(json, InputFormat.JSON);
        return errors.stream().map(Error::toString).toList();
    }
}
