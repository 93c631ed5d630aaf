/** The profile step every newly arrived student passes through, then their program (or home). */
export const welcomePath = (programId: string | null | undefined): string => (programId ? `/welcome?program=${encodeURIComponent(programId)}` : '/welcome');
