import { InitialSchema1764180000000 } from './1764180000000-InitialSchema';
import { HumanReview1764185000000 } from './1764185000000-HumanReview';
import { OutcomeDelivery1764186000000 } from './1764186000000-OutcomeDelivery';
import { AiReview1764187000000 } from './1764187000000-AiReview';
import { Stats1764188000000 } from './1764188000000-Stats';
import { AuthSessions1764189000000 } from './1764189000000-AuthSessions';
import { ClientQuotas1764189500000 } from './1764189500000-ClientQuotas';
import { Oversight1764190000000 } from './1764190000000-Oversight';

/** Every migration, in order. Add new ones at the end; never edit one that has landed. */
export const MIGRATIONS = [InitialSchema1764180000000, HumanReview1764185000000, OutcomeDelivery1764186000000, AiReview1764187000000, Stats1764188000000, AuthSessions1764189000000, ClientQuotas1764189500000, Oversight1764190000000];
