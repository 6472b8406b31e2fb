import type { LoginRequest } from '@yardstick/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, Length } from 'class-validator';
import { TextField } from '../../common/fields.js';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'officer@agency.gov' })
  @IsEmail()
  @Length(3, 320)
  email!: string;

  @TextField(1, 256)
  password!: string;
}
