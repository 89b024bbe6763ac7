package dev.kafkalab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import dev.kafkalab.ui.lab.Commands;
import dev.kafkalab.scenario.ValueFormats;
import dev.kafkalab.scenario.ValueFormats.Format;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

class ValueFormatsTest {
    private static final String CARD = "{\"card\":\"4111\",\"amount\":12.5,\"item\":\"ham sandwich\"}";
    private static final String TYPED = "{ \"card\": \"4111\", \"amount\": 12.5, \"item\": \"ham sandwich\" }";

    @Test
    void theCreditCardExampleIsSmallestInTheBinaryFormats() throws Exception {
        byte[] string = ValueFormats.serialize(Format.STRING, TYPED);
        byte[] json = ValueFormats.serialize(Format.JSON, TYPED);
        byte[] avro = ValueFormats.serialize(Format.AVRO, TYPED);
        byte[] protobuf = ValueFormats.serialize(Format.PROTOBUF, TYPED);

        assertThat(string).isEqualTo(TYPED.getBytes(StandardCharsets.UTF_8));
        assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo(CARD);
        // Avro: 1+4 (card) + 8 (double) + 1+12 (item); Protobuf adds a tag per field: 2+4 + 1+8 + 2+12
        assertThat(avro).hasSize(26);
        assertThat(protobuf).hasSize(29);
        assertThat(json).hasSize(CARD.length());
        assertThat(avro.length).isLessThan(protobuf.length);
        assertThat(protobuf.length).isLessThan(json.length);
        assertThat(json.length).isLessThan(string.length);
    }

    @Test
    void avroBytesDecodeBackWithGenericDatumReader() throws Exception {
        String text = "{\"card\":\"4111\",\"amount\":12.5,\"item\":\"ham sandwich\",\"qty\":3,\"paid\":true}";
        byte[] bytes = ValueFormats.serialize(Format.AVRO, text);
        Schema schema = ValueFormats.avroSchema(text);

        assertThat(schema.getFields()).extracting(f -> f.name() + ":" + f.schema().getType())
                .containsExactly("card:STRING", "amount:DOUBLE", "item:STRING", "qty:LONG", "paid:BOOLEAN");
        GenericRecord r = new GenericDatumReader<GenericRecord>(schema)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
        assertThat(r.get("card").toString()).isEqualTo("4111");
        assertThat(r.get("amount")).isEqualTo(12.5);
        assertThat(r.get("item").toString()).isEqualTo("ham sandwich");
        assertThat(r.get("qty")).isEqualTo(3L);
        assertThat(r.get("paid")).isEqualTo(true);
    }

    @Test
    void protobufBytesParseBackWithDynamicMessage() throws Exception {
        String text = "{\"card\":\"4111\",\"amount\":12.5,\"item\":\"ham sandwich\",\"qty\":3,\"paid\":true}";
        byte[] bytes = ValueFormats.serialize(Format.PROTOBUF, text);
        Descriptors.Descriptor d = ValueFormats.protobufDescriptor(text);

        assertThat(d.getFields()).extracting(f -> f.getNumber() + " " + f.getName() + ":" + f.getType())
                .containsExactly("1 card:STRING", "2 amount:DOUBLE", "3 item:STRING", "4 qty:INT64", "5 paid:BOOL");
        DynamicMessage m = DynamicMessage.parseFrom(d, bytes);
        assertThat(m.getField(d.findFieldByName("card"))).isEqualTo("4111");
        assertThat(m.getField(d.findFieldByName("amount"))).isEqualTo(12.5);
        assertThat(m.getField(d.findFieldByName("item"))).isEqualTo("ham sandwich");
        assertThat(m.getField(d.findFieldByName("qty"))).isEqualTo(3L);
        assertThat(m.getField(d.findFieldByName("paid"))).isEqualTo(true);
        assertThat(m.getUnknownFields().asMap()).isEmpty();
    }

    @Test
    void badJsonGivesAClearError() {
        for (Format f : new Format[] {Format.JSON, Format.AVRO, Format.PROTOBUF}) {
            assertThatThrownBy(() -> ValueFormats.serialize(f, "{\"card\":\"4111\", amount: 12.5}"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Not valid JSON (line 1, column ");
            assertThatThrownBy(() -> ValueFormats.serialize(f, ""))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("empty");
        }
        // String takes any text
        assertThat(ValueFormats.serialize(Format.STRING, "{not json")).hasSize(9);
    }

    @Test
    void nestedObjectsAndNonObjectsAreRefusedForAvroAndProtobuf() {
        assertThatThrownBy(() -> ValueFormats.serialize(Format.AVRO, "{\"card\":{\"number\":\"4111\"}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"card\" is a nested object");
        assertThatThrownBy(() -> ValueFormats.serialize(Format.PROTOBUF, "[1,2]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("need a JSON object");
        // JSON itself takes any valid JSON
        assertThat(ValueFormats.serialize(Format.JSON, "[1, 2]")).isEqualTo("[1,2]".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void explainNamesTheFormatAndTheSize() {
        byte[] avro = ValueFormats.serialize(Format.AVRO, CARD);
        assertThat(ValueFormats.explain(Format.AVRO, avro))
                .isEqualTo("Avro: 26 bytes (no field names on the wire; the schema travels separately)");
        assertThat(ValueFormats.explain(Format.JSON, ValueFormats.serialize(Format.JSON, CARD)))
                .startsWith("JSON: " + CARD.length() + " bytes");
        assertThat(ValueFormats.explain(Format.PROTOBUF, ValueFormats.serialize(Format.PROTOBUF, CARD)))
                .startsWith("Protobuf: 29 bytes");
    }

    @Test
    void aSendRecordCarriesTheSerialisedBytes() {
        Commands.SendRecord send = new Commands.SendRecord("pos", "payments", "k", CARD, Map.of(), null, Format.AVRO);
        assertThat(send.valueBytes()).isEqualTo(ValueFormats.serialize(Format.AVRO, CARD));
        assertThat(send.description()).endsWith(" as Avro");
        Commands.SendRecord plain = new Commands.SendRecord("pos", "payments", "k", "Paid", Map.of(), null);
        assertThat(plain.format()).isEqualTo(Format.STRING);
        assertThat(plain.valueBytes()).isEqualTo("Paid".getBytes(StandardCharsets.UTF_8));
    }
}
