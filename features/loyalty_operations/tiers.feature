Feature: Tiers
  The org's tiers start at thresholds of lifetime points (the platform's slabs). A customer starts in the
  first tier and moves up when a credit lifts their lifetime points to the next threshold; the customer's
  tier is part of their points summary. Seed 001 lets a status block the tier upgrade.

  # Ruling 38: tiers are one org setting, CONF_LOYALTY_TIERS ("Name:points,..."; default
  # Silver:0,Gold:1000,Platinum:5000). Lifetime points count credits only, so a redemption never moves a
  # customer down; tiers do not go down.

  Background:
    Given the org setting CONF_LOYALTY_TIERS is Silver:0,Gold:500,Platinum:2000
    And the org setting CONF_LOYALTY_POINTS_PER_CURRENCY_UNIT is 1
    And a loyalty customer "Asha" registered through INSTORE with mobile M1

  Rule: A customer moves up when lifetime points cross a threshold

    @seed:contract @req:contract-28
    Scenario: A new customer is in the first tier
      Then "Asha" is in tier "Silver"

    @seed:contract @req:contract-28
    Scenario: The points summary numbers the tier and names the next one
      Given "Asha" has been given 600 goodwill points
      Then the points summary of "Asha" shows tier 2, "Gold", and the next tier "Platinum" from 2000 lifetime points
      When "Asha" is given 1400 goodwill points for "service recovery"
      Then the points summary of "Asha" shows tier 3, "Platinum", and no tier above

    @seed:contract @req:contract-28
    Scenario: Points below the next threshold keep the tier
      When "Asha" is given 499 goodwill points for "service recovery"
      Then the request succeeds
      And the request moved nobody up a tier
      And "Asha" is in tier "Silver"

    @seed:contract @req:contract-28
    Scenario: A credit that reaches no higher tier keeps the tier the customer is in
      Given "Asha" has been given 600 goodwill points
      When "Asha" is given 100 goodwill points for "service recovery"
      Then the request succeeds
      And the request moved nobody up a tier
      And "Asha" is in tier "Gold"

    @seed:contract @req:contract-28
    Scenario: A credit reaching the threshold moves the customer up
      Given "Asha" has been given 450 goodwill points
      When "Asha" is given 50 goodwill points for "service recovery"
      Then the request succeeds
      And the request moved "Asha" up from tier "Silver" to tier "Gold"
      And "Asha" is in tier "Gold"

    @seed:contract @req:contract-28 @req:contract-22
    Scenario: A bill can lift the customer past a tier straight into a higher one
      When a bill of 2500 arrives through INSTORE with mobile M1
      Then the request succeeds
      And the request moved "Asha" up from tier "Silver" to tier "Platinum"
      And "Asha" is in tier "Platinum"

    @seed:contract @req:contract-28
    Scenario: Redeeming points does not move the customer down
      Given "Asha" has been given 600 goodwill points
      When "Asha" redeems 500 points
      Then the request succeeds
      And "Asha" has 100 points
      And "Asha" is in tier "Gold"
