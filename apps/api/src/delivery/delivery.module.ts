import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConversionEntity } from '../conversions/conversion.entity';
import { SettingsModule } from '../settings/settings.module';
import { AfliteCall } from './aflite-call';
import { AfliteClient } from './aflite-client';
import { DeliveryAttemptEntity } from './delivery-attempt.entity';
import { DeliveryEntity } from './delivery.entity';
import { DeliveryProcessor } from './delivery-processor';
import { DeliveryRepository } from './delivery.repository';
import { DeliveryWorker } from './delivery.worker';
import { HelpProxy } from './help-proxy';
import { ResendService } from './resend.service';
import { ClaimStage } from './stages/claim';
import { FinishStage } from './stages/finish';
import { SendStage } from './stages/send';
import { TestSender } from './test-sender';

@Module({
  imports: [TypeOrmModule.forFeature([DeliveryEntity, DeliveryAttemptEntity, ConversionEntity]), SettingsModule],
  providers: [
    AfliteClient,
    AfliteCall,
    DeliveryRepository,
    ClaimStage,
    SendStage,
    FinishStage,
    DeliveryProcessor,
    DeliveryWorker,
    TestSender,
    HelpProxy,
    ResendService,
  ],
  exports: [DeliveryWorker, DeliveryRepository, TestSender, HelpProxy, ResendService, AfliteClient],
})
export class DeliveryModule {}
