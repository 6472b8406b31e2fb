import { describe, expect, it } from '@jest/globals';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, MinLength, ValidateNested } from 'class-validator';
import { ValidationFailedException } from './errors/app.exception.js';
import { createValidationPipe } from './validation.js';

class TargetDto {
  @IsInt()
  @Max(100)
  value!: number;
}

class StandardDto {
  @IsString()
  @MinLength(3)
  title!: string;

  @ValidateNested({ each: true })
  @Type(() => TargetDto)
  targets!: TargetDto[];
}

async function failureOf(body: unknown): Promise<ValidationFailedException> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: StandardDto });
  } catch (error) {
    if (error instanceof ValidationFailedException) return error;
    throw error;
  }
  throw new Error('expected a validation failure');
}

describe('the global validation pipe', () => {
  it('refuses unknown fields, naming them', async () => {
    const error = await failureOf({ title: 'Renewals', targets: [], sneaky: true });
    expect(error.status).toBe(400);
    expect(error.code).toBe('validation_failed');
    expect(error.details).toEqual([{ field: 'sneaky', reason: 'should not exist', value: true }]);
    expect(error.message).toBe('sneaky: should not exist.');
  });

  it('names nested fields by their path and counts the other problems', async () => {
    const error = await failureOf({ title: 'ab', targets: [{ value: 50 }, { value: 150 }] });
    expect(error.details.map((d) => d.field)).toEqual(['title', 'targets.1.value']);
    expect(error.details[1]).toMatchObject({ reason: 'must not be greater than 100', value: 150 });
    expect(error.message).toBe('title: must be longer than or equal to 3 characters (and 1 more problem).');
  });

  it('passes a valid body through as an instance of the DTO', async () => {
    const value = await createValidationPipe().transform(
      { title: 'Renewals', targets: [{ value: 90 }] },
      { type: 'body', metatype: StandardDto },
    );
    expect(value).toBeInstanceOf(StandardDto);
  });
});
