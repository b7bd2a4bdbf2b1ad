import { ApiProperty, OmitType } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { RecordClickDto } from './record-click.dto';

/**
 * A click posted by the snippet from a landing page. Aflite marks its clicks with `clickSource=aflite`;
 * a post without it is not an Aflite click, whatever its clickSessionID says.
 */
export class SnippetClickDto extends OmitType(RecordClickDto, ['clickSource'] as const) {
  @ApiProperty({ example: 'aflite' })
  @IsString({ message: 'clickSource is required and must be "aflite"' })
  @Matches(/^aflite$/i, { message: 'clickSource must be "aflite"' })
  clickSource: string;
}
