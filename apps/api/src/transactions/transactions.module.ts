import { Module } from '@nestjs/common';
import { ResultsLoader } from '../imports/results-loader.js';
import { TransactionsComputeController } from './compute.controller.js';
import { TransactionsComputeService } from './compute.service.js';
import { TransactionsImportService } from './transactions-import.service.js';
import { TransactionsLoader } from './transactions-loader.js';

/** Transactions: their import (through POST /imports?format=transactions) and results computed from them. */
@Module({
  controllers: [TransactionsComputeController],
  providers: [TransactionsLoader, TransactionsImportService, TransactionsComputeService, ResultsLoader],
  exports: [TransactionsImportService, TransactionsComputeService],
})
export class TransactionsModule {}
