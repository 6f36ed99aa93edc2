package eu.vigil.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/** PostgreSQL cannot store U+0000 in text: such a value is a client error, refused with the field's path. */
class NulRejectingStringDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        String value = super.deserialize(parser, context);
        if (value != null && value.indexOf('\0') >= 0) {
            throw context.weirdStringException(value.replace('\0', '?'), String.class, HostileInput.NUL_MESSAGE);
        }
        return value;
    }
}
