import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

// The validation stacks request DTOs repeat, each documented and checked as its written stack was (same messages).

type Doc = ApiPropertyOptions;

/**
 * The decorators in the order they are written above a property: TypeScript applies the bottom one first, and
 * class-validator reports in the order they were applied, so this keeps the order of the reasons in a 400.
 */
const stack = (...decorators: PropertyDecorator[]): PropertyDecorator => applyDecorators(...decorators.reverse());

const FINITE = { allowNaN: false, allowInfinity: false };

export const UuidField = (doc?: Doc) => stack(ApiProperty(doc), IsUUID());
export const OptionalUuid = (doc?: Doc) => stack(ApiPropertyOptional(doc), IsOptional(), IsUUID());

/** Text of min to max characters. */
export const TextField = (min: number, max: number, doc?: Doc) => stack(ApiProperty(doc), IsString(), Length(min, max));
export const OptionalText = (min: number, max: number, doc?: Doc) =>
  stack(ApiPropertyOptional(doc), IsOptional(), IsString(), Length(min, max));
/** Text of up to max characters, empty allowed. */
export const OptionalTextUpTo = (max: number, doc?: Doc) =>
  stack(ApiPropertyOptional(doc), IsOptional(), IsString(), MaxLength(max));

/** One of a vocabulary (an `as const` list). */
export const OneOf = (values: readonly unknown[], doc?: Doc) =>
  stack(ApiProperty({ enum: values, ...doc } as Doc), IsIn(values as unknown[]));
export const OptionalOneOf = (values: readonly unknown[], doc?: Doc) =>
  stack(ApiPropertyOptional({ enum: values, ...doc } as Doc), IsOptional(), IsIn(values as unknown[]));

/** A finite number; blank (left out or null) stays blank, never 0. */
export const OptionalNumber = (doc?: Doc) => stack(ApiPropertyOptional(doc), IsOptional(), IsNumber(FINITE));
/** A whole number from 0. */
export const OptionalCount = (doc?: Doc) => stack(ApiPropertyOptional(doc), IsOptional(), IsInt(), Min(0));
export const OptionalBoolean = (doc?: Doc) => stack(ApiPropertyOptional(doc), IsOptional(), IsBoolean());

/** A fiscal year in a body, e.g. 2026. */
export const FiscalYearField = (doc?: Doc) => stack(ApiProperty(doc), IsInt(), Min(1900), Max(2999));
/** A fiscal year in a query string (text, made a number). */
export const FiscalYearQuery = (doc?: Doc) =>
  stack(
    ApiPropertyOptional(doc),
    IsOptional(),
    Type(() => Number),
    IsInt(),
    Min(1900),
    Max(2999),
  );
