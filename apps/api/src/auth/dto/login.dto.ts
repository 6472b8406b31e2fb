import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'officer@agency.gov' })
  @IsEmail()
  @Length(3, 320)
  email!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 256)
  password!: string;
}
