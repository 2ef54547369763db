package org.itu.tsb.web.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
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
}
