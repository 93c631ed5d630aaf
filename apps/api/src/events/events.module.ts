import { Global, Module } from '@nestjs/common';
import { DomainEvents } from './domain-events';

/** Global: any domain publishes, any other subscribes, neither imports the other. */
@Global()
@Module({ providers: [DomainEvents], exports: [DomainEvents] })
export class EventsModule {}
