// Every migration, oldest first. `npm run migration:generate -- <VerbNoun>` rewrites this list.
import type { MigrationInterface } from 'typeorm';
import { CreateAgencies1795317264450 } from './1795317264450-CreateAgencies.js';
import { CreateRegistry1795319916350 } from './1795319916350-CreateRegistry.js';
import { CreateAccountsAndAudit1795321092257 } from './1795321092257-CreateAccountsAndAudit.js';
import { AddRevisionsExplanations1795321944511 } from './1795321944511-AddRevisionsExplanations.js';
import { CreateImportBatches1795322955274 } from './1795322955274-CreateImportBatches.js';
import { CreateReviewComments1795332723367 } from './1795332723367-CreateReviewComments.js';
import { AddResultProvenance1795332733643 } from './1795332733643-AddResultProvenance.js';
import { NotifyPublicChanges1795332766721 } from './1795332766721-NotifyPublicChanges.js';
import { AddImportProgress1795333866438 } from './1795333866438-AddImportProgress.js';
import { AddStandardRulesAndRanges1795340000000 } from './1795340000000-AddStandardRulesAndRanges.js';
import { AddAgencyFiscalYearStart1795340414401 } from './1795340414401-AddAgencyFiscalYearStart.js';
import { AddAgencyCatalogFields1796298680940 } from './1796298680940-AddAgencyCatalogFields.js';
import { AddPlansFeedbackComplaints1796298676752 } from './1796298676752-AddPlansFeedbackComplaints.js';
import { CreateCxCollections1796298403617 } from './1796298403617-CreateCxCollections.js';
import { AddCxStandardQuestions1796301317134 } from './1796301317134-AddCxStandardQuestions.js';
import { AddResultsBatchIndex1796309124824 } from './1796309124824-AddResultsBatchIndex.js';
import { KeyTransactionsByMonth1796309214859 } from './1796309214859-KeyTransactionsByMonth.js';
import { CreateTransactions1796298577053 } from './1796298577053-CreateTransactions.js';
import { CreateNotifications1796298634031 } from './1796298634031-CreateNotifications.js';

export const MIGRATIONS: (new () => MigrationInterface)[] = [
  CreateAgencies1795317264450,
  CreateRegistry1795319916350,
  CreateAccountsAndAudit1795321092257,
  AddRevisionsExplanations1795321944511,
  CreateImportBatches1795322955274,
  CreateReviewComments1795332723367,
  AddResultProvenance1795332733643,
  NotifyPublicChanges1795332766721,
  AddImportProgress1795333866438,
  AddStandardRulesAndRanges1795340000000,
  AddAgencyFiscalYearStart1795340414401,
  CreateCxCollections1796298403617,
  CreateTransactions1796298577053,
  CreateNotifications1796298634031,
  AddPlansFeedbackComplaints1796298676752,
  AddAgencyCatalogFields1796298680940,
  AddCxStandardQuestions1796301317134,
  AddResultsBatchIndex1796309124824,
  KeyTransactionsByMonth1796309214859,
];
