package org.itu.tsb.web.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON is read strictly, as written: a position is its name, never a number ({@code 1} would otherwise be read as the
 * enum constant at index 1, silently reversing a vote), and a number or a boolean is never turned into text or an
 * enum. Unknown fields and duplicate keys are refused too ({@code application.yml}).
 */
@Configuration(proxyBeanMethods = false)
class ApiJson {

    /** Spring Boot registers every Module bean with the application's ObjectMapper. */
    @Bean
    SimpleModule exactEnumNames() {
        SimpleModule exactEnumNames = new SimpleModule("exact-enum-names");
        exactEnumNames.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type, BeanDescription description,
                                                              JsonDeserializer<?> deserializer) {
                return new ExactEnumName(type.getRawClass(), deserializer);
            }
        });
        return exactEnumNames;
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJson() {
        return builder -> builder
                .featuresToEnable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .featuresToDisable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .postConfigurer(mapper -> {
                    for (LogicalType type : new LogicalType[] {LogicalType.Textual, LogicalType.Enum, LogicalType.Boolean,
                            LogicalType.Integer, LogicalType.Float, LogicalType.DateTime}) {
                        mapper.coercionConfigFor(type)
                                .setCoercion(CoercionInputShape.Integer, type == LogicalType.Integer || type == LogicalType.Float
                                        ? CoercionAction.TryConvert : CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, type == LogicalType.Float ? CoercionAction.TryConvert : CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, type == LogicalType.Boolean ? CoercionAction.TryConvert : CoercionAction.Fail);
                    }
                });
    }

    /**
     * An enum constant only by its exact name: Jackson alone would also take {@code "SUPPORTS "} or
     * {@code "SUPPORTS\u0000"} (it trims), and a position must be exactly what the sender meant.
     */
    private static final class ExactEnumName extends StdDeserializer<Object> {

        private final Set<String> names;
        private final JsonDeserializer<?> standard;

        ExactEnumName(Class<?> type, JsonDeserializer<?> standard) {
            super(type);
            this.names = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.toSet());
            this.standard = standard;
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_STRING && !names.contains(parser.getText())) {
                return context.handleWeirdStringValue(handledType(), parser.getText(), "not one of the accepted values");
            }
            return standard.deserialize(parser, context);
        }
    }
}
