import type { OrganisationInput } from '../../api/organisations.ts';
import {
  dataProtectionLaws,
  fundings,
  germanStates,
  organisationKinds,
  organisationSubtypes,
  services,
} from '../../api/types.ts';
import type { Organisation, Service } from '../../api/types.ts';
import { oneOf, orNull } from '../../lib/validate.ts';

/** The organisation form's values: text fields as strings, "not specified" as ''. */
export interface OrganisationValues {
  name: string;
  kind: string;
  subtype: string;
  umbrella: string;
  services: Service[];
  funding: string;
  hostsClearingOffice: boolean;
  dataProtectionLaw: string;
  state: string;
  street: string;
  postcode: string;
  city: string;
  phone: string;
  email: string;
  website: string;
}

/** Values for a new organisation, or the current ones of an existing organisation. */
export function toValues(organisation?: Organisation): OrganisationValues {
  return {
    name: organisation?.name ?? '',
    kind: organisation?.kind ?? '',
    subtype: organisation?.subtype ?? '',
    umbrella: organisation?.umbrella ?? '',
    services: organisation?.services ?? [],
    funding: organisation?.funding ?? '',
    hostsClearingOffice: organisation?.hostsClearingOffice ?? false,
    dataProtectionLaw: organisation?.dataProtectionLaw ?? '',
    state: organisation?.state ?? '',
    street: organisation?.street ?? '',
    postcode: organisation?.postcode ?? '',
    city: organisation?.city ?? '',
    phone: organisation?.phone ?? '',
    email: organisation?.email ?? '',
    website: organisation?.website ?? '',
  };
}

/**
 * The request body. Offer fields (services, funding, data protection law) only apply to welfare
 * providers, the clearing office only to a foreigners' authority; they are cleared for other kinds.
 */
export function toInput(values: OrganisationValues): OrganisationInput {
  const kind = oneOf(organisationKinds, values.kind);
  const welfare = kind === 'welfare_provider';
  return {
    name: values.name.trim(),
    // An unchosen kind is sent as it is: the schema refuses it at its field.
    kind: kind ?? (values.kind as OrganisationInput['kind']),
    subtype: oneOf(organisationSubtypes, values.subtype),
    umbrella: welfare ? orNull(values.umbrella) : null,
    services: welfare ? values.services.filter((service) => services.includes(service)) : [],
    funding: welfare ? oneOf(fundings, values.funding) : null,
    // The clearing office sits inside the foreigners' authority.
    hostsClearingOffice: kind === 'abh' && values.hostsClearingOffice,
    dataProtectionLaw: welfare ? oneOf(dataProtectionLaws, values.dataProtectionLaw) : null,
    state: oneOf(germanStates, values.state),
    street: orNull(values.street),
    postcode: orNull(values.postcode),
    city: orNull(values.city),
    phone: orNull(values.phone),
    email: orNull(values.email),
    website: orNull(values.website),
  };
}
