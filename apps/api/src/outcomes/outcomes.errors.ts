import { DomainError, ErrorCode } from '@api/common/domain-error';
import type { RejectedLine } from './csv-records';

export const importRejected = (rejected: RejectedLine[]): DomainError =>
  new DomainError(ErrorCode.ImportRejected, `${rejected.length} line(s) of the file are not valid; nothing was imported`, undefined, { rejected });
export const academicRecordNotFound = (): DomainError => new DomainError(ErrorCode.AcademicRecordNotFound, 'Academic record not found');
export const surveyAlreadyAnswered = (): DomainError => new DomainError(ErrorCode.SurveyAlreadyAnswered, 'You have already answered this wave of the survey');
export const surveyWaveClosed = (): DomainError =>
  new DomainError(ErrorCode.SurveyWaveClosed, 'The baseline survey closes when your mentoring begins; answer the end-of-program survey instead');
export const invalidSurveyAnswers = (why: string): DomainError => new DomainError(ErrorCode.InvalidSurveyAnswers, why);
