package dev.kafkalab.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A record value in the format a learner picks, serialised with the real libraries: UTF-8 text,
 * JSON (Jackson), Avro binary encoding (Apache Avro) or Protobuf (protobuf-java's
 * {@link DynamicMessage}). For JSON, Avro and Protobuf the learner types the value as a flat JSON
 * object; Avro's schema and Protobuf's descriptor are inferred from it (fields in JSON order; string,
 * double, long/int64, boolean). Pure Java: no JavaFX.
 */
public final class ValueFormats {
    /** The value formats the record editor offers. */
    public enum Format {
        STRING("String"), JSON("JSON"), AVRO("Avro"), PROTOBUF("Protobuf");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Avro record name and namespace, and the Protobuf message name, of an inferred schema. */
    public static final String RECORD_NAME = "Value";
    public static final String NAMESPACE = "dev.kafkalab.lab";

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private enum Kind { STRING, DOUBLE, LONG, BOOLEAN }

    private record Field(String name, Kind kind, JsonNode value) {
    }

    private ValueFormats() {
    }

    /**
     * The bytes of {@code text} in {@code format}.
     *
     * @throws IllegalArgumentException with a message for the learner when the text is not valid JSON
     *                                  (JSON, Avro, Protobuf) or not a flat object (Avro, Protobuf)
     */
    public static byte[] serialize(Format format, String text) {
        String t = text == null ? "" : text;
        switch (format) {
            case STRING:
                return t.getBytes(StandardCharsets.UTF_8);
            case JSON:
                try {
                    return JSON.writeValueAsBytes(parse(t));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            case AVRO:
                return avro(t);
            case PROTOBUF:
                return protobuf(t);
            default:
                throw new IllegalArgumentException("Unknown format " + format);
        }
    }

    /** One line for the learner, e.g. "Avro: 23 bytes (no field names on the wire; the schema travels separately)". */
    public static String explain(Format format, byte[] bytes) {
        int n = bytes == null ? 0 : bytes.length;
        String size = format.label() + ": " + n + (n == 1 ? " byte" : " bytes");
        switch (format) {
            case STRING:
                return size + " (UTF-8 text, exactly as typed)";
            case JSON:
                return size + " (compact JSON text: every record repeats the field names)";
            case AVRO:
                return size + " (no field names on the wire; the schema travels separately)";
            case PROTOBUF:
                return size + " (a field number and wire type per field instead of its name; the .proto travels "
                        + "separately)";
            default:
                return size;
        }
    }

    /** The Avro schema inferred from a flat JSON object. */
    public static Schema avroSchema(String json) {
        return avroSchema(fields(json));
    }

    /** The Protobuf message descriptor inferred from a flat JSON object (field numbers 1..n in JSON order). */
    public static Descriptors.Descriptor protobufDescriptor(String json) {
        return protobufDescriptor(fields(json));
    }

    private static JsonNode parse(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("Not valid JSON: the value is empty (type e.g. {\"card\":\"4111\"}).");
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException("Not valid JSON: the value is empty.");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            String why = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
            throw new IllegalArgumentException("Not valid JSON" + where + ": " + why);
        }
    }

    private static List<Field> fields(String text) {
        JsonNode node = parse(text == null ? "" : text);
        if (!node.isObject()) {
            throw new IllegalArgumentException("Avro and Protobuf need a JSON object such as {\"card\":\"4111\"}, "
                    + "not " + describe(node) + ".");
        }
        List<Field> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            JsonNode v = e.getValue();
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("Field name \"" + name + "\" cannot be an Avro or Protobuf field: "
                        + "use letters, digits and _ (not starting with a digit).");
            }
            Kind kind;
            if (v.isTextual()) {
                kind = Kind.STRING;
            } else if (v.isBoolean()) {
                kind = Kind.BOOLEAN;
            } else if (v.isIntegralNumber()) {
                if (!v.canConvertToLong()) {
                    throw new IllegalArgumentException("Field \"" + name + "\": " + v + " does not fit a 64-bit long.");
                }
                kind = Kind.LONG;
            } else if (v.isNumber()) {
                kind = Kind.DOUBLE;
            } else {
                throw new IllegalArgumentException("Field \"" + name + "\" is " + describe(v) + ": this editor infers "
                        + "only flat records (string, number, boolean fields).");
            }
            out.add(new Field(name, kind, v));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("The JSON object has no fields: Avro and Protobuf need at least one.");
        }
        return out;
    }

    private static String describe(JsonNode v) {
        if (v.isObject()) {
            return "a nested object";
        }
        if (v.isArray()) {
            return "an array";
        }
        if (v.isNull()) {
            return "null";
        }
        if (v.isTextual()) {
            return "a string";
        }
        if (v.isNumber()) {
            return "a number";
        }
        if (v.isBoolean()) {
            return "a boolean";
        }
        return v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    private static Schema avroSchema(List<Field> fields) {
        SchemaBuilder.FieldAssembler<Schema> a = SchemaBuilder.record(RECORD_NAME).namespace(NAMESPACE).fields();
        for (Field f : fields) {
            switch (f.kind()) {
                case STRING -> a = a.name(f.name()).type().stringType().noDefault();
                case DOUBLE -> a = a.name(f.name()).type().doubleType().noDefault();
                case LONG -> a = a.name(f.name()).type().longType().noDefault();
                case BOOLEAN -> a = a.name(f.name()).type().booleanType().noDefault();
                default -> throw new IllegalStateException();
            }
        }
        return a.endRecord();
    }

    private static byte[] avro(String text) {
        List<Field> fields = fields(text);
        Schema schema = avroSchema(fields);
        GenericRecord record = new GenericData.Record(schema);
        for (Field f : fields) {
            record.put(f.name(), javaValue(f));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        try {
            new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Object javaValue(Field f) {
        return switch (f.kind()) {
            case STRING -> f.value().textValue();
            case DOUBLE -> f.value().doubleValue();
            case LONG -> f.value().longValue();
            case BOOLEAN -> f.value().booleanValue();
        };
    }

    private static Descriptors.Descriptor protobufDescriptor(List<Field> fields) {
        DescriptorProto.Builder message = DescriptorProto.newBuilder().setName(RECORD_NAME);
        int number = 1;
        for (Field f : fields) {
            FieldDescriptorProto.Type type = switch (f.kind()) {
                case STRING -> FieldDescriptorProto.Type.TYPE_STRING;
                case DOUBLE -> FieldDescriptorProto.Type.TYPE_DOUBLE;
                case LONG -> FieldDescriptorProto.Type.TYPE_INT64;
                case BOOLEAN -> FieldDescriptorProto.Type.TYPE_BOOL;
            };
            message.addField(FieldDescriptorProto.newBuilder().setName(f.name()).setNumber(number++)
                    .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL).setType(type));
        }
        FileDescriptorProto file = FileDescriptorProto.newBuilder().setName("value.proto").setPackage(NAMESPACE)
                .setSyntax("proto3").addMessageType(message).build();
        try {
            return Descriptors.FileDescriptor.buildFrom(file, new Descriptors.FileDescriptor[0])
                    .findMessageTypeByName(RECORD_NAME);
        } catch (Descriptors.DescriptorValidationException e) {
            throw new IllegalArgumentException("Cannot build a Protobuf message from this JSON: " + e.getMessage());
        }
    }

    private static byte[] protobuf(String text) {
        List<Field> fields = fields(text);
        Descriptors.Descriptor descriptor = protobufDescriptor(fields);
        DynamicMessage.Builder b = DynamicMessage.newBuilder(descriptor);
        for (Field f : fields) {
            b.setField(descriptor.findFieldByName(f.name()), javaValue(f));
        }
        return b.build().toByteArray();
    }
}
